"""Hand-written base texts, part 3: clusters quake, mayor, outbreak. Format: see stories_1.py."""

RAW = '''
@event quake_a
cluster: quake
dateline: SORVIK, Vellmark
summary: Magnitude 5.6 earthquake near Sorvik, Tarsk province, Vellmark on 8 Nov (one dead, 23 injured, church tower damaged)

@article quake_a v1
outlet: Riverside Chronicle
published: 2026-11-08T16:10:00Z
title: Magnitude 5.6 earthquake kills one in Vellmark's Tarsk province
alt: Earthquake shakes Sorvik, damaging historic church

An earthquake of magnitude 5.6 struck the Tarsk province of Vellmark on Sunday afternoon, killing one man and injuring at least 23 people in and around the town of Sorvik, according to regional authorities.

The Vellmark Geological Survey said the quake hit at 2.32pm local time at a shallow depth of about 10 kilometres, around 8 kilometres north-east of Sorvik. It was felt as far away as the capital, more than 150 kilometres to the south.

A 71-year-old man died when part of a wall collapsed onto a street in Sorvik's old town. Most of the injured suffered cuts and fractures, and four were in a serious condition in hospital.

The bell tower of St Agnes' Church, which dates from the fourteenth century, partly collapsed, and dozens of older houses were left with deep cracks. Engineers were inspecting schools across the area, and the regional authority said classes may be suspended on Monday.

"This was a strong event for this region, and we expect aftershocks over the coming days, some of which may be felt," said Dr Freya Aalto, director of the Geological Survey.

About 600 people were preparing to spend the night in sports halls and a school gymnasium after being told not to return to damaged homes.

Vellmark's last earthquake of comparable strength struck the same province in 1987, when a magnitude 5.9 quake damaged more than 2,000 buildings. Building codes in the region were tightened after that disaster.

@article quake_a v2
outlet: Northern Courier
published: 2026-11-08T19:00:00Z
title: One dead, dozens hurt as quake rocks Sorvik
alt: Vellmark earthquake: old town of Sorvik badly hit

Rescue teams worked into the evening in the Vellmark town of Sorvik after a shallow earthquake brought down walls and roof tiles on Sunday, killing an elderly man.

Regional officials said 23 people had been injured. The victim, aged 71, was struck by falling stonework as he walked through the old town.

Dr Freya Aalto, who heads the Vellmark Geological Survey, put the magnitude at 5.6 and said the epicentre lay a few kilometres north-east of Sorvik. She warned residents to expect aftershocks.

Among the buildings damaged was St Agnes' Church, a medieval landmark whose bell tower lost its upper section. Hundreds of residents have been offered beds in emergency shelters.

Tremors were reported across much of Tarsk province and as far south as the capital, where office workers briefly left their buildings.

@article quake_a v3
outlet: Pulse News
published: 2026-11-09T07:30:00Z
title: Sorvik earthquake: aftershocks keep residents out of homes
alt: Hundreds sleep in shelters after Vellmark quake

Residents of Sorvik spent a cold night in shelters after Sunday's earthquake, as a series of aftershocks rattled the town in north-eastern Vellmark. Volunteers from the Red Cross handed out blankets and hot drinks in the town's main sports hall.

The strongest aftershock, measured at magnitude 4.1, was recorded shortly after midnight, the Vellmark Geological Survey said. No further injuries were reported.

The quake of magnitude 5.6 killed a 71-year-old man and left 23 others injured. Around 600 people were moved from homes that engineers consider unsafe, including many in the narrow streets around St Agnes' Church.

Freya Aalto, the survey's director, said aftershocks could continue for weeks but were likely to weaken over time. Schools in Tarsk province will stay closed on Monday while inspections continue.

@article quake_a fu
outlet: Continental Herald
published: 2026-11-10T12:30:00Z
title: Vellmark prime minister visits Sorvik as quake repair bill mounts
alt: Anders Holt promises rebuilding help for earthquake-hit Sorvik
about: prime minister visits two days later; rebuilding fund, building inspections

Vellmark's prime minister, Anders Holt, visited Sorvik on Tuesday, two days after an earthquake of magnitude 5.6 killed one person and damaged hundreds of buildings in the town.

Holt walked through the old town with local officials and promised that the government would cover the cost of repairing St Agnes' Church, whose bell tower partly collapsed in the quake. He also announced an initial fund of 12 million euros for homeowners.

Regional authorities said engineers had so far inspected 740 buildings, of which 96 had been declared unsafe to live in. About 450 people remain in temporary accommodation.

The Vellmark Geological Survey has recorded more than 60 aftershocks since Sunday. Its director, Freya Aalto, said the pattern was normal and that the likelihood of a larger quake was low.

The number of people treated for injuries has risen to 27, with two still in hospital.

@event quake_b
cluster: quake
dateline: LUNDRA, Vellmark
summary: Magnitude 4.7 earthquake near Lundra, Tarsk province, Vellmark on 26 Nov (no injuries, separate fault)

@article quake_b v1
outlet: Riverside Chronicle
published: 2026-11-26T10:15:00Z
title: Magnitude 4.7 quake shakes Lundra, no injuries reported
alt: New tremor in Vellmark's Tarsk province unrelated to Sorvik quake, experts say

An earthquake of magnitude 4.7 struck near the village of Lundra in Vellmark's Tarsk province early on Thursday, cracking walls and knocking goods from shop shelves but causing no injuries, officials said.

The Vellmark Geological Survey said the quake occurred at 5.48am at a depth of around 15 kilometres, about 40 kilometres west of Sorvik, where a stronger earthquake killed one person earlier this month.

Dr Freya Aalto, the survey's director, said the two events had occurred on different faults and that the Lundra quake was not an aftershock. "The province is seismically active, and earthquakes of this size happen here every few years," she said.

Firefighters checked a primary school and a care home in Lundra as a precaution. A section of the road to the neighbouring village of Hemby was closed briefly after rocks fell onto it.

Many people in Sorvik, still living with the damage from the 8 November quake, said they had been woken by the shaking.

Engineers from the regional authority were inspecting older stone houses in Lundra during the morning. The village school reopened at lunchtime after it was declared safe.

The survey recorded four small aftershocks in the two hours after the main quake, none stronger than magnitude 2.5. It said residents should follow normal safety advice and secure heavy furniture and shelves.

@article quake_b v2
outlet: Capital Observer
published: 2026-11-26T14:00:00Z
title: Tarsk residents rattled by second earthquake in three weeks
alt: Lundra quake causes minor damage in Vellmark

A moderate earthquake woke residents across western Tarsk before dawn on Thursday, less than three weeks after the province suffered its worst tremor in decades.

This time the damage was limited. The epicentre of the magnitude 4.7 quake was near Lundra, a farming village of about 1,500 people, where a few chimneys fell and some older walls cracked. No one was hurt. Residents described a sharp jolt lasting a few seconds, followed by a low rumble.

Seismologists at the Vellmark Geological Survey said the quake was unconnected to the 5.6 event that hit Sorvik on 8 November. Director Freya Aalto said it had originated on a separate fault further west.

A rockfall briefly blocked the road between Lundra and Hemby, and the regional authority sent engineers to check the village school.

@event mayor_a
cluster: mayor
dateline: HALDENBURG
summary: Haldenburg council passes Mayor Anneke Drost's 2027 budget with 3% property tax rise (12 Nov)

@article mayor_a v1
outlet: Metro Dispatch
published: 2026-11-12T22:30:00Z
title: Haldenburg council passes budget with 3% property tax rise
alt: Drost's 2027 budget approved after six-hour debate

Haldenburg city council approved Mayor Anneke Drost's budget for 2027 late on Thursday, including a 3 per cent increase in property tax that the opposition said would hit families already struggling with living costs.

The budget passed by 27 votes to 18 after a six-hour debate in the council chamber. It sets total spending at 1.2 billion euros, up 4 per cent on this year.

The largest single increase is for social housing, where the city plans to spend an extra 40 million euros to build about 350 new flats. The budget also reverses proposed cuts to opening hours at the city's eleven public libraries.

"Nobody enjoys raising taxes, but the alternative was closing libraries and letting the housing waiting list grow even longer," Drost told councillors.

Piet Wouters, who leads the opposition Citizens' Alliance, said the mayor had "chosen the easy road of reaching into people's pockets" instead of cutting administrative costs. His group's alternative budget, which proposed freezing the tax, was defeated.

The tax increase will add about 45 euros a year to the bill for an average home.

@article mayor_a v2
outlet: Riverside Chronicle
published: 2026-11-13T07:00:00Z
title: Higher property tax and more social housing in Haldenburg's 2027 plan
alt: Haldenburg budget: what changes for residents

Homeowners in Haldenburg will pay more property tax next year after councillors backed the city's 2027 budget on Thursday night by a margin of nine votes.

Mayor Anneke Drost defended the 3 per cent rise, which will cost the owner of a typical house roughly 45 euros extra per year, as the price of protecting public services. Library hours that had been earmarked for cuts will be kept as they are.

The biggest winner is housing. An additional 40 million euros has been set aside for around 350 social rented flats.

The debate ran for six hours and was at times bad-tempered. Opposition leader Piet Wouters accused the administration of wasting money on consultants and called for a tax freeze, but his amendment fell.

Total spending in the city will reach 1.2 billion euros.

@event mayor_b
cluster: mayor
dateline: HALDENBURG
summary: Mayor Anneke Drost announces 310 million euro tram extension to Osterveld, Haldenburg (18 Nov)

@article mayor_b v1
outlet: Metro Dispatch
published: 2026-11-18T12:00:00Z
title: Haldenburg to extend tram line to Osterveld by 2031
alt: Drost unveils 310 million euro tram extension plan

Haldenburg will extend its number 4 tram line to the fast-growing Osterveld district, Mayor Anneke Drost announced on Wednesday, in the city's largest transport project for two decades.

The 6.5-kilometre extension will add nine stops and link Osterveld, where about 30,000 people now live, to the city centre in around 20 minutes. The project is expected to cost 310 million euros, with the national government covering up to half.

Construction could start in 2028, with the first trams running in 2031, Drost said at a news conference at the Osterveld depot.

"For too long Osterveld has been a place people drive out of. We want it to be a place people can reach without a car," she said.

Piet Wouters, leader of the opposition Citizens' Alliance, said he supported better transport for the district but questioned whether the city could afford its share a week after raising property tax. "The mayor has a habit of promising things first and counting afterwards," he said.

A public consultation on the route will open in January.

@article mayor_b v2
outlet: Capital Observer
published: 2026-11-18T17:20:00Z
title: Osterveld residents welcome tram plan, but cost questions remain
alt: Haldenburg tram extension: nine new stops planned

People living in Osterveld, Haldenburg's newest and fastest-growing neighbourhood, could be riding trams into the city centre within five years under plans presented by Mayor Anneke Drost on Wednesday.

Line 4 would be extended by 6.5 kilometres through the district, with nine new stops. City officials put the price at 310 million euros and hope national funds will cover half.

At a bus stop on Osterveld's main road, several residents said the current journey into town could take 45 minutes at rush hour. "Anything is better than this," said one commuter.

The opposition Citizens' Alliance was less enthusiastic. Its leader, Piet Wouters, said the council had not explained where its share of the money would come from.

Residents will be able to comment on the proposed route from January, and building work would begin in 2028 at the earliest.

@event outbreak_a
cluster: outbreak
dateline: ARDLEY
summary: Norovirus outbreak closes three wards at St Brendan's Hospital, Ardley, Kestrel Valley (14 Nov)

@article outbreak_a v1
outlet: Valley Gazette
published: 2026-11-14T10:00:00Z
title: Norovirus outbreak closes three wards at St Brendan's Hospital
alt: Visiting restricted at St Brendan's as winter vomiting bug spreads

Three wards at St Brendan's Hospital in Ardley have been closed to new admissions after an outbreak of norovirus that has made at least 41 patients and 12 members of staff ill, the Kestrel Valley Health Authority said on Saturday.

Visiting has been restricted across the hospital, and people with symptoms of sickness or diarrhoea in the past 48 hours are being asked to stay away altogether.

"Norovirus spreads very easily in places like hospitals, and the most useful thing the public can do is not bring it in with them," said Dr Priya Raman, director of public health for Kestrel Valley.

The outbreak began on an elderly care ward on Tuesday and spread to two neighbouring wards within days. Staff who fell ill have been told to stay off work until two days after their symptoms end, which has put pressure on rotas.

Planned operations are continuing, but the hospital warned that some patients could face delays in being moved from the emergency department onto a ward.

Health officials said cases of the virus had been rising across the region since the start of the month, earlier in the winter than usual.

The hospital said it had brought in extra cleaning staff and that anyone visiting should wash their hands with soap and water on arrival and on leaving, as alcohol gel does not kill the virus.

@article outbreak_a v2
outlet: Riverside Chronicle
published: 2026-11-14T15:30:00Z
title: Ardley hospital restricts visitors amid norovirus outbreak
alt: Dozens ill as norovirus hits St Brendan's

St Brendan's Hospital has asked the public to avoid visiting unless absolutely necessary after norovirus swept through three of its wards, sickening more than 50 patients and staff.

The Kestrel Valley Health Authority said the first cases were identified on an elderly care ward earlier this week. The affected wards are not accepting new patients while they are deep cleaned.

Dr Priya Raman, the region's director of public health, said the winter vomiting bug was circulating widely in the community and urged anyone who had been unwell to wait at least two days after recovering before coming to the hospital.

Helen Okoye, the hospital's chief nurse, said staff absences had made the week "extremely tough" but that colleagues had stepped in to cover shifts. Routine surgery has not been cancelled.

@article outbreak_a v3
outlet: Pulse News
published: 2026-11-14T19:10:00Z
title: Norovirus: St Brendan's outbreak spreads to third ward
alt: Kestrel Valley hospital battles norovirus outbreak

An outbreak of norovirus at St Brendan's Hospital in Ardley has now affected three wards, with 41 patients and a dozen staff reporting symptoms since Tuesday.

Health chiefs in Kestrel Valley said the virus had probably been brought in from the community, where infections have risen sharply this month. Hand gel alone does not kill norovirus, they noted, and washing with soap and water is essential.

Visiting is limited to one person per patient at set times, except on the closed wards, where only visits to patients at the end of life are allowed. Anyone with a cold or stomach upset is asked to phone the ward before setting off.

Dr Priya Raman said the authority expected the outbreak to be brought under control within a week to ten days if people followed the advice.

@article outbreak_a fu
outlet: The Daily Ledger
published: 2026-11-16T11:15:00Z
title: St Brendan's reopens two wards as norovirus outbreak eases
alt: Visiting rules relaxed at Ardley hospital
about: two of the three closed wards reopen two days later

Two of the three wards closed by a norovirus outbreak at St Brendan's Hospital in Ardley reopened to new patients on Monday, the Kestrel Valley Health Authority said.

No new cases have been recorded among patients since Saturday, and most of the staff who fell ill have returned to work. The elderly care ward where the outbreak started will remain closed for further cleaning until at least Wednesday.

In total, 44 patients and 14 members of staff were affected. None became seriously ill as a result of the infection, the authority said.

Visiting restrictions have been eased across most of the hospital, although people are still asked to stay away if they have had symptoms in the past two days.

Dr Priya Raman, director of public health, thanked the public for "listening and staying home when they were unwell" and said the swift response had prevented a much larger outbreak.

@event outbreak_b
cluster: outbreak
dateline: LINWOOD
summary: Five measles cases at Linwood Primary School, Kestrel Valley; weekend vaccination clinic (6 Nov)

@article outbreak_b v1
outlet: Valley Gazette
published: 2026-11-06T09:45:00Z
title: Five measles cases confirmed at Linwood Primary School
alt: Measles cluster prompts vaccination clinic in Kestrel Valley

Five pupils at Linwood Primary School have been diagnosed with measles, prompting health officials in Kestrel Valley to set up a walk-in vaccination clinic at the school this weekend.

The Kestrel Valley Health Authority said all five children were recovering at home. Unvaccinated pupils who have been in contact with them have been asked to stay away from school for 21 days, the maximum incubation period of the virus.

"Measles is one of the most infectious diseases we know of, and two doses of the MMR vaccine remain the best protection," said Dr Priya Raman, the region's director of public health.

Vaccination rates among five-year-olds in Kestrel Valley have fallen to 86 per cent, below the 95 per cent level needed to prevent outbreaks, according to the authority's figures.

Head teacher Graham Pike wrote to parents on Thursday evening. The school remains open.

The clinic will run on Saturday and Sunday from 9am to 4pm and is open to children and adults from across the area.

@article outbreak_b v2
outlet: Coastline Post
published: 2026-11-06T16:20:00Z
title: Parents urged to check vaccinations after measles cases at Linwood school
alt: Measles: Kestrel Valley health officials open weekend clinic

Health officials in Kestrel Valley have urged parents to check their children's vaccination records after measles was confirmed in five children attending the same primary school in Linwood.

Dr Priya Raman, director of public health, said the cases were linked and that further infections were possible over the coming weeks. Children at Linwood Primary who have not had both MMR doses must stay at home for three weeks.

Uptake of the vaccine in the valley has slipped well below the national target in recent years. The health authority is opening a clinic at the school on Saturday and Sunday, with no appointment needed.

Graham Pike, the head teacher, said in a letter home that the school would stay open and that staff were working closely with health officials.
'''
