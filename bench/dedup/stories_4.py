"""Hand-written base texts, part 4: clusters port, launch, marathon. Format: see stories_1.py."""

RAW = '''
@event port_a
cluster: port
dateline: ROTTERDAM, Netherlands
summary: Fire on container ship Nordic Crest at Maasvlakte, Port of Rotterdam (9 Nov); 22 crew evacuated, smoke alert

@article port_a v1
outlet: Continental Herald
published: 2026-11-09T13:00:00Z
title: Crew evacuated as fire breaks out on container ship in Rotterdam
alt: Fire on Nordic Crest sends smoke over Rotterdam port

Firefighters were battling a blaze on a container ship moored at the Maasvlakte terminal in the Port of Rotterdam on Monday, after fire broke out in its cargo hold in the early hours.

All 22 crew members of the MV Nordic Crest, a 300-metre vessel sailing under a Liberian flag, were taken off the ship safely. Two were treated for smoke inhalation, the regional emergency service said.

Thick black smoke drifted across the port area, and authorities sent an NL-Alert message to phones in parts of Rotterdam advising residents to keep windows and doors closed and to switch off ventilation systems.

"The fire is below deck, which makes it difficult to reach, but it is contained to one part of the ship," harbour master Joris Verbeek told reporters. Three firefighting vessels were spraying water onto the hull to keep it cool.

The cause of the fire was not yet known. The Nordic Crest arrived from Singapore on Sunday and was partway through unloading.

Other terminals at the port were operating normally, although vessels were kept away from the immediate area.

The Port of Rotterdam, the largest in Europe, handles more than 13 million containers a year. Fires on container ships have become more frequent in recent years, often linked to cargo that has been wrongly declared.

@article port_a v2
outlet: Harbour Times
published: 2026-11-09T15:30:00Z
title: Rotterdam residents told to shut windows as ship fire burns
alt: Smoke warning issued after blaze on Nordic Crest

People in parts of Rotterdam were told to stay indoors with their windows closed on Monday as a fire smouldered in the hold of a large container ship in the port.

The Nordic Crest caught fire while docked at Maasvlakte, the port's westernmost area, and its crew of 22 were brought ashore. Two sailors needed treatment after breathing in smoke.

Harbour master Joris Verbeek said firefighters had stopped the blaze spreading but were struggling to reach the seat of the fire deep in the ship. Fireboats were cooling the sides of the vessel with water cannon.

The ship had come from Singapore and docked a day earlier. Investigators have not yet said what started the fire.

The Port of Rotterdam said shipping elsewhere in the harbour was unaffected.

@article port_a v3
outlet: Pulse News
published: 2026-11-09T20:00:00Z
title: Nordic Crest fire: blaze under control after 18 hours
alt: Rotterdam ship fire brought under control

Firefighters in the Port of Rotterdam said on Monday evening that they had brought under control a fire that had been burning since before dawn on the container vessel Nordic Crest.

The smoke warning for western districts of Rotterdam was lifted at around 6pm, after air quality measurements showed no harmful levels of pollutants.

Harbour master Joris Verbeek said crews would keep cooling the hold through the night to stop the fire reigniting. The 22 crew members, two of whom were treated for smoke inhalation, are staying in a hotel in the city.

The ship was berthed at Maasvlakte and had been unloading cargo brought from Singapore. An inquiry into the cause is expected. Container traffic at neighbouring berths is expected to return to normal on Tuesday.

@article port_a fu
outlet: Coastline Post
published: 2026-11-11T10:40:00Z
title: Mislabelled battery container suspected in Nordic Crest fire
alt: Dutch Safety Board opens inquiry into Rotterdam ship fire
about: suspected cause and safety-board inquiry two days later

Investigators believe the fire that broke out on the container ship Nordic Crest in the Port of Rotterdam on Monday started in a container of lithium-ion batteries that had been declared as general cargo, according to people familiar with the inquiry.

The Dutch Safety Board said on Wednesday that it had opened an investigation into the blaze, which took firefighters around 18 hours to bring under control and forced the evacuation of the ship's 22 crew.

Harbour master Joris Verbeek said incorrectly declared dangerous goods were "a recurring problem for the whole industry" and that the port would review its checks on cargo arriving from Asia.

The Nordic Crest remains at its berth at Maasvlakte, where about 140 damaged containers are being unloaded by crane. The owner of the ship said it expected the vessel to be out of service for several months.

No one was seriously injured in the fire.

@event port_b
cluster: port
dateline: ROTTERDAM, Netherlands
summary: Tanker Stella Maris II collides with barge in the Nieuwe Waterweg near Rotterdam (23 Nov); oil leak, channel closed

@article port_b v1
outlet: Continental Herald
published: 2026-11-23T11:50:00Z
title: Tanker and barge collide near Rotterdam, halting shipping
alt: Oil leak after collision in Nieuwe Waterweg

A tanker and an inland barge collided in the Nieuwe Waterweg, the main shipping channel into the Port of Rotterdam, early on Monday, causing a small oil leak and halting all traffic on the waterway for several hours.

The collision happened shortly before 4am near Maassluis, when the 180-metre tanker Stella Maris II, heading out to sea in fog, struck the barge as it crossed the channel. Nobody was injured.

A tear in the barge's hull released an estimated 15 tonnes of fuel oil into the water. Two oil-recovery vessels and floating booms were deployed to stop the slick from reaching the banks.

"Visibility was less than 200 metres at the time. We will look very carefully at the communication between the two vessels," harbour master Joris Verbeek said.

About 30 ships were held at anchor or at their berths while the channel was closed. Traffic resumed at around 9am, with vessels passing the site at reduced speed.

The incident comes two weeks after a fire on a container ship at the port's Maasvlakte terminal.

The Dutch Safety Board said it had been informed of the collision and would decide within days whether to open a formal investigation. The owner of the barge did not respond to requests for comment.

@article port_b v2
outlet: Metro Dispatch
published: 2026-11-23T16:30:00Z
title: Fog blamed as tanker hits barge on Rotterdam shipping lane
alt: Nieuwe Waterweg reopens after tanker collision

Thick fog is thought to have played a part in a collision between the tanker Stella Maris II and a barge on the Nieuwe Waterweg on Monday morning, which closed Rotterdam's busiest shipping lane for about five hours.

Fuel oil escaped from the damaged barge and spread in a thin film on the water near Maassluis. Clean-up crews using booms and skimmers said most of it had been contained by the afternoon.

Neither the tanker's crew nor the two people aboard the barge were hurt. Harbour master Joris Verbeek said radio recordings from both vessels would be examined as part of the investigation.

Dozens of ships waited for the channel to reopen, and the Port of Rotterdam warned of knock-on delays for arrivals through Tuesday.

@event launch_a
cluster: launch
dateline: CAPE ALDREN, Aurelia
summary: Aurelian Space Agency launches Meridian-4 weather satellite on Halcyon-2 from Cape Aldren (5 Nov)

@article launch_a v1
outlet: Capital Observer
published: 2026-11-05T11:30:00Z
title: Aurelia launches Meridian-4 weather satellite
alt: Halcyon-2 rocket puts new weather satellite into orbit

The Aurelian Space Agency successfully launched its Meridian-4 weather satellite from Cape Aldren on Thursday, adding a new eye in orbit for forecasters tracking storms across the southern ocean.

The Halcyon-2 rocket lifted off at 10.14am local time, and the satellite separated from the upper stage about 58 minutes later in a polar orbit roughly 830 kilometres above the Earth, the agency said.

"Every stage performed exactly as planned. This is the cleanest flight Halcyon-2 has had," said Dr Ruben Sato, the agency's director-general, in the control centre.

Meridian-4 carries an infrared sounder and a microwave imager designed to measure temperature and humidity through cloud. It replaces Meridian-2, which has been in orbit for eleven years and is running low on fuel.

It was the third flight of the Halcyon-2, a medium-lift rocket developed over the past decade at a cost of about 1.4 billion dollars. Its first launch, in 2024, ended in failure when the second stage shut down early.

The satellite will undergo three months of testing before its data is used in daily forecasts.

@article launch_a v2
outlet: The Daily Ledger
published: 2026-11-05T14:00:00Z
title: Clean flight for Halcyon-2 as Meridian-4 reaches orbit
alt: Aurelian weather satellite launched from Cape Aldren

Aurelia's homegrown Halcyon-2 rocket delivered the Meridian-4 weather satellite into orbit on Thursday, a welcome success for a launch programme that began with a failure two years ago.

The rocket left Cape Aldren mid-morning and released its payload just under an hour later. Mission controllers confirmed shortly afterwards that the satellite had unfolded its solar panels and was sending signals.

Ruben Sato, director-general of the Aurelian Space Agency, said the launch showed the rocket was "ready to work for a living". The agency hopes to sell launches to foreign customers from next year.

Meridian-4 will take over from an ageing predecessor and give meteorologists sharper readings of temperature and moisture in the atmosphere. Forecasters expect to start using its data early next year.

@article launch_a v3
outlet: Pulse News
published: 2026-11-05T18:00:00Z
title: Meridian-4 launch: why Aurelia's new satellite matters for forecasts
alt: Aurelia's new weather satellite explained

Weather forecasters in Aurelia and neighbouring countries should get more accurate warnings of severe storms from next spring, once the Meridian-4 satellite launched on Thursday starts full operations.

The satellite, carried into space from Cape Aldren by a Halcyon-2 rocket, circles the planet from pole to pole and can see through cloud cover using microwave sensors. Its predecessor, Meridian-2, is more than a decade old.

The Aurelian Space Agency said the launch went without a hitch. Director-general Ruben Sato called it the rocket's best flight so far. Engineers will spend the next few months checking each instrument before the satellite is declared operational.

Meteorologists say better data on moisture over the ocean is particularly important for predicting heavy rain, which has caused repeated flooding along the Aurelian coast in recent years.

@article launch_a fu
outlet: Northern Courier
published: 2026-11-07T09:00:00Z
title: Meridian-4 sends back first images
alt: First pictures from Aurelia's new weather satellite released
about: first images released two days after launch

The Aurelian Space Agency on Saturday released the first images taken by Meridian-4, two days after the weather satellite was launched from Cape Aldren on a Halcyon-2 rocket.

The pictures, captured by the satellite's infrared instrument, show a band of cloud stretching across the southern ocean and a developing low-pressure system west of the Aurelian coast.

"Seeing the planet through Meridian-4's eyes for the first time is a moment the whole team has worked towards for seven years," said director-general Ruben Sato.

Engineers have completed initial checks on the satellite's power and communication systems. Testing of the microwave imager, the second main instrument, will begin next week.

The agency said the satellite's orbit was slightly higher than planned, which would not affect its mission, and that a small engine burn later this month would correct it.

@event launch_b
cluster: launch
dateline: CAPE ALDREN, Aurelia
summary: Halcyon-2 launch of Tessera-1 communications satellite scrubbed at Cape Aldren over valve fault (27 Nov)

@article launch_b v1
outlet: Capital Observer
published: 2026-11-27T09:20:00Z
title: Valve fault scrubs Halcyon-2 launch of Tessera-1 satellite
alt: Aurelia postpones launch of first communications satellite

The Aurelian Space Agency called off the launch of its first home-built communications satellite, Tessera-1, less than two minutes before lift-off from Cape Aldren on Friday after sensors detected a problem with a valve in the rocket's first stage.

The Halcyon-2 rocket was standing on the launch pad fully fuelled when the automatic countdown sequence stopped at T-minus 94 seconds. Engineers drained the propellant tanks and the rocket will be rolled back to its hangar for inspection.

"The system did exactly what it was designed to do. A scrub is frustrating, but it is far better than the alternative," said Dr Ruben Sato, the agency's director-general.

The agency did not give a new launch date but said it was unlikely to be before mid-December. Tessera-1 is intended to provide broadband and television links to remote islands in the Aurelian archipelago.

The postponement comes three weeks after a Halcyon-2 successfully placed the Meridian-4 weather satellite into orbit from the same pad.

Tessera-1, built by a consortium of Aurelian companies at a cost of about 310 million dollars, is designed to operate for fifteen years. The agency has spent most of the past decade relying on foreign satellites for its communications.

Several hundred spectators who had gathered on the beach near Cape Aldren to watch the launch were told to go home shortly after 8am.

@article launch_b v2
outlet: Riverside Chronicle
published: 2026-11-27T13:05:00Z
title: Tessera-1 launch delayed until December at earliest
alt: Last-minute abort for Aurelia's Halcyon-2 rocket

Aurelia will have to wait at least a few more weeks for its first national communications satellite after Friday morning's launch attempt at Cape Aldren was halted in the final countdown.

Onboard computers stopped the sequence when the pressure reading from a first-stage valve drifted outside its permitted range. Nobody was near the rocket at the time and there was no damage.

Ruben Sato, who leads the Aurelian Space Agency, said the engineers would replace the suspect part before setting a new date. He said he would not allow schedule pressure to "make decisions for us".

The satellite, Tessera-1, has been built to bring faster internet to island communities that currently depend on slow radio links. It will travel on the same type of rocket that launched a weather satellite earlier this month.

@event marathon_a
cluster: marathon
dateline: PORTO, Portugal
summary: Kenya's Amina Wekesa wins Porto Marathon in course record 2:19:40 (8 Nov)

@article marathon_a v1
outlet: Continental Herald
published: 2026-11-08T13:30:00Z
title: Wekesa smashes Porto Marathon course record
alt: Kenya's Amina Wekesa wins in Porto in 2:19:40

Kenya's Amina Wekesa won the Porto Marathon on Sunday in a course record of 2:19:40, pulling away from a group of four runners in the final eight kilometres along the Douro river.

The 27-year-old, running only her third marathon, took more than two minutes off the previous women's record for the course. Ethiopia's Tsion Bekele finished second in 2:21:05, with Portugal's Inês Carvalho third.

"At 30 kilometres my legs were talking to me, but my coach told me to be patient and wait for the bridge. When we reached it, I went," Wekesa said.

Her coach, Peter Kiprono, said the win would give her a strong case for selection for next year's world championships. Wekesa trains with a group of about twenty athletes in Iten, in Kenya's Rift Valley.

Cool, dry weather and a light wind helped produce fast times in both races. The men's race was won by Uganda's Daniel Okello in 2:07:58.

About 14,000 runners took part across the marathon and the accompanying 10km race.

Organisers said the race raised more than 300,000 euros for local charities, and that a record number of entries had come from runners travelling from abroad.

@article marathon_a v2
outlet: Pulse News
published: 2026-11-08T17:00:00Z
title: Patient Wekesa storms to record win in Porto
alt: Amina Wekesa breaks Porto course record

Amina Wekesa produced the fastest women's time ever seen in Porto on Sunday, winning the city's marathon in 2 hours 19 minutes and 40 seconds.

The Kenyan sat in the leading pack for most of the race before making her move as the course crossed the river, opening a gap that Ethiopia's Tsion Bekele could not close. Bekele was runner-up, about a minute and a half behind.

Wekesa, coached by Peter Kiprono, has improved rapidly since her debut over the distance last year. Kiprono said she had been following a careful plan and was "only beginning to find out what she can do".

The home crowd had something to cheer when Inês Carvalho took third place, the best result by a Portuguese woman in the race for a decade.

@event marathon_b
cluster: marathon
dateline: ELDORET, Kenya
summary: Amina Wekesa becomes ambassador of Rift Runners Foundation girls' athletics programme in Eldoret (24 Nov)

@article marathon_b v1
outlet: Northern Courier
published: 2026-11-24T10:00:00Z
title: Marathon winner Wekesa backs running programme for girls in Kenya
alt: Amina Wekesa named ambassador for Rift Runners Foundation

Amina Wekesa, who won the Porto Marathon earlier this month, has become the ambassador of a programme that aims to bring 500 teenage girls in western Kenya into organised athletics over the next three years.

The scheme, run by the Rift Runners Foundation, will pay for running shoes, coaching and school fees for girls who join its training groups in Eldoret and surrounding villages. It was launched on Tuesday at a primary school where Wekesa was once a pupil.

"When I started running, I had one pair of shoes and I shared them with my sister. No girl should have to give up because of something so small," she told the audience.

Her coach, Peter Kiprono, will help design the training programme. The foundation said it had raised about 600,000 dollars from sponsors and would publish its accounts each year.

Girls' participation in sport drops sharply in the teenage years in many parts of Kenya, often because of cost and household responsibilities, the foundation said.

@article marathon_b v2
outlet: Capital Observer
published: 2026-11-24T15:30:00Z
title: Rift Runners Foundation launches scheme to keep girls in sport
alt: Wekesa returns to old school to launch girls' athletics project

A new athletics programme for girls was launched in Eldoret on Tuesday with the help of Amina Wekesa, the Kenyan runner who has emerged as one of the marathon stars of the season.

The Rift Runners Foundation says it will support up to 500 girls aged 12 to 17, covering kit, coaching and school fees so that families are not forced to choose between education and sport.

Wekesa, who agreed to act as the project's ambassador, spoke to pupils at the school she attended as a child. Coach Peter Kiprono, who trains her in Iten, is advising the foundation on its sessions.

Organisers said they hoped some of the participants would go on to compete internationally, but that the main goal was to keep girls active and in school.
'''
