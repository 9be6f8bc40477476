"""Hand-written base texts, part 1: clusters storm, minister, football.

Format (parsed by texts.py):
  @event <id>        followed by header lines (key: value) describing the event
  @article <event> <role>   role is v1/v2/v3 (independent versions) or fu (follow-up)
  header lines, a blank line, then paragraphs separated by blank lines.
All prose is original and invented for this benchmark.
"""

RAW = '''
@event storm_a
cluster: storm
dateline: VIGO, Spain
summary: Storm Berta hits Galicia on 3 Nov (floods in Vigo, 40,000 homes without power, fisherman missing)

@article storm_a v1
outlet: Continental Herald
published: 2026-11-03T08:10:00Z
title: Storm Berta floods Vigo streets as Galicia braces for more rain
alt: At least 12 hurt as Storm Berta lashes north-west Spain

Storm Berta swept across Galicia overnight, flooding streets in the centre of Vigo, tearing roofs from warehouses near the port and leaving at least 40,000 homes without electricity, regional officials said on Tuesday morning.

Spain's state weather agency, Aemet, recorded gusts of 138 km/h at Cape Finisterre shortly after 2am and kept a red warning in place for the coast of A Coruña province until midday. Up to 90 litres of rain per square metre fell in parts of the Rías Baixas in under twelve hours.

At least 12 people were treated for injuries, most of them minor cuts caused by flying debris, according to the Galician emergency agency. A fisherman from the town of Cangas was reported missing after his small boat failed to return to harbour on Monday evening, and a coastguard helicopter resumed the search at first light.

"The priority now is to reach the people who are cut off and to get the power back on, but we are asking everyone to stay indoors until the wind drops," said Lucía Barreiro, a spokesperson for the emergency agency.

All flights at A Coruña airport were cancelled until the afternoon, and the regional rail operator suspended services between Vigo and Santiago de Compostela after a tree fell across the line near Redondela. Schools across the province of Pontevedra stayed closed.

Forecasters expect the storm to weaken as it moves towards the Bay of Biscay later on Tuesday, although further heavy showers are likely along the Atlantic coast on Wednesday.

The storm is the first named system of the autumn to reach Spain's Atlantic coast. Meteorologists said unusually warm sea temperatures off the Iberian peninsula had helped it intensify rapidly over the weekend.

Insurers said it was too early to estimate the cost of the damage, but the regional government said it would hold an emergency meeting on Wednesday to discuss help for fishing crews and shop owners.

@article storm_a v2
outlet: Northern Courier
published: 2026-11-03T12:40:00Z
title: Galicia counts damage after night of Storm Berta
alt: Storm Berta: power cuts, cancelled flights and a missing fisherman in Galicia

Residents of north-west Spain woke to fallen trees, flooded basements and silent phone lines on Tuesday after Storm Berta ripped through Galicia during the night.

The regional emergency agency said a dozen people had needed medical attention, mostly for minor wounds. Its spokesperson, Lucía Barreiro, urged people to avoid the seafront and stay off the roads "unless the journey cannot wait".

Around 40,000 households lost power at the height of the storm, when Aemet measured a gust of 138 km/h on the headland at Cape Finisterre. In Vigo, water ran knee-deep through several streets near the old town and the port authority closed two of its docks.

A search is under way for a fisherman from Cangas whose boat did not come back to port on Monday night. A coastguard helicopter and two rescue vessels are combing the mouth of the Vigo estuary.

Travel remained badly disrupted. A Coruña airport grounded all departures for the morning and trains between Vigo and Santiago de Compostela were halted because of a tree blocking the track.

@article storm_a v3
outlet: Pulse News
published: 2026-11-03T16:05:00Z
title: Storm Berta: what we know about the damage in north-west Spain
alt: Storm Berta leaves trail of damage across Galicia

Storm Berta has moved out into the Bay of Biscay after a violent night on the Galician coast, but the clean-up in Vigo and A Coruña is expected to take days.

Wind and rain: Aemet's strongest reading was 138 km/h at Cape Finisterre, and some coastal towns received close to three months' worth of average November rain in a single night.

Injuries and the missing: Twelve people were hurt, none seriously, officials said. Rescue crews are still looking for a Cangas fisherman who went out on Monday afternoon and has not been heard from since.

Power and travel: Electricity was cut to about 40,000 homes, and by mid-afternoon roughly half had been reconnected. Flights at A Coruña resumed after lunch, while the Vigo to Santiago rail line remains shut. Pontevedra province kept its schools closed for the day.

@article storm_a fu
outlet: Coastline Post
published: 2026-11-05T10:20:00Z
title: Galicia pledges 30 million euros in aid after Storm Berta
alt: Regional government sets up Storm Berta relief fund
about: aid package and damage estimate two days after Storm Berta

The regional government of Galicia approved an emergency package of 30 million euros on Thursday to help households, fishing crews and small businesses recover from Storm Berta, which struck the Atlantic coast two days ago.

Early estimates put insured damage at more than 55 million euros, much of it in Vigo, where dozens of shops along the waterfront were flooded and a warehouse roof collapsed at the port.

Fishing associations in the Rías Baixas said at least 60 boats had been damaged at their moorings. The fund will offer grants of up to 15,000 euros for repairs to small vessels, and the regional fisheries office has promised to process claims within a month.

The search for the fisherman from Cangas who went missing on the night of the storm was scaled back on Wednesday evening, although volunteers from local fishing crews continued to walk the beaches. "We are not giving up on him," said Lucía Barreiro of the regional emergency agency.

Power has now been restored to all but a few hundred homes in remote parts of A Coruña province, the electricity distributor said.

@event storm_b
cluster: storm
dateline: PONTEVEDRA, Spain
summary: Storm Ciro brings torrential rain to Galicia on 11 Nov (landslide shuts AP-9, hikers rescued)

@article storm_b v1
outlet: Riverside Chronicle
published: 2026-11-11T09:30:00Z
title: Landslide shuts Galician motorway as Storm Ciro brings torrential rain
alt: Storm Ciro: AP-9 closed after landslide near Pontevedra

A landslide blocked both carriageways of the AP-9 motorway near Pontevedra early on Wednesday as Storm Ciro, the second named storm to hit Galicia this month, brought torrential rain to north-west Spain.

No vehicles were caught by the slip, which sent mud and rocks across the road just before 5am, but the motorway between Pontevedra and Vigo is expected to remain closed for at least two days while engineers check the stability of the slope.

Aemet issued an orange warning for rain across the provinces of Pontevedra and Lugo, where more than 120 litres per square metre were recorded in 24 hours. Unlike Storm Berta a week earlier, Ciro brought relatively modest winds.

Firefighters rescued two hikers who had been stranded by a swollen river in the hills near Lugo. Both were taken to hospital with mild hypothermia.

About 8,000 homes lost power, and schools in the province of Lugo were closed for the day. Lucía Barreiro, spokesperson for the Galician emergency agency, said the ground was "already saturated" after last week's storm, which raised the risk of further landslides.

Rain is expected to ease on Thursday, but the agency asked drivers to avoid minor mountain roads until the weekend.

Regional officials said that 14 families evacuated from riverside homes in Ourense province as a precaution would be allowed to return once water levels had dropped, probably by the weekend.

@article storm_b v2
outlet: Metro Dispatch
published: 2026-11-11T14:15:00Z
title: Storm Ciro: hikers rescued and thousands without power in Galicia
alt: Second storm in a week soaks north-west Spain

Emergency crews in Galicia spent Wednesday clearing mud, pumping out flooded homes and searching for stranded walkers as Storm Ciro dumped heavy rain on north-west Spain.

The most serious disruption came on the AP-9, the region's main north-south motorway, where a hillside gave way near Pontevedra before dawn and buried a section of road under mud and boulders. Nobody was hurt.

In the hills outside Lugo, firefighters used ropes to bring two walkers across a river that had burst its banks. They were cold but otherwise unharmed, the regional emergency service said.

Aemet said rainfall totals topped 120 litres per square metre in places. Lucía Barreiro, speaking for the emergency agency, warned that the soil had had no chance to dry out since the previous storm.

Roughly 8,000 customers were without electricity by midday, and Lugo's schools stayed shut.

@event minister_a
cluster: minister
dateline: GENEVA
summary: Valdoria and Marenland foreign ministers agree Grey Sound fisheries commission in Geneva (4 Nov)

@article minister_a v1
outlet: Capital Observer
published: 2026-11-04T15:00:00Z
title: Valdoria and Marenland agree to set up joint fisheries commission
alt: Foreign ministers break deadlock over Grey Sound fishing rights

The foreign ministers of Valdoria and Marenland agreed in Geneva on Wednesday to create a joint commission to manage fishing in the Grey Sound, ending a dispute that has soured relations between the two neighbours for more than two years.

After five hours of talks at the Palais des Nations, Katarina Velde of Valdoria and Oskar Brenner of Marenland said the commission would set annual catch limits for cod and herring and settle complaints from crews who say they have been turned away from traditional fishing grounds.

"We have not solved every problem today, but we have built the room in which they can be solved," Velde told reporters after the meeting.

Brenner said the commission would have six members, three appointed by each government, and would meet for the first time in January. He described the agreement as "a practical step, not a grand treaty".

The dispute flared in 2024 when Marenland's coastguard detained two Valdorian trawlers, and fishing organisations on both sides have since held protests at their ports. Talks collapsed twice last year.

The deal still needs the approval of both parliaments, which is expected before the end of the year.

Diplomats in Geneva said the agreement owed much to quiet mediation by Swiss officials, who hosted three rounds of preparatory meetings between the two delegations over the summer.

@article minister_a v2
outlet: Harbour Times
published: 2026-11-04T17:30:00Z
title: Grey Sound fishing row eases after Geneva talks
alt: Neighbours agree commission to police disputed fishing waters

Valdoria and Marenland took a significant step towards ending their long-running quarrel over fishing in the Grey Sound on Wednesday, when their foreign ministers signed off on a shared body to regulate the disputed waters.

The new joint commission, announced by Katarina Velde and Oskar Brenner after a day of negotiations in Geneva, will decide how much cod and herring each country's boats may land and will act as a referee when crews clash at sea.

Each government will name three commissioners. Their first session is pencilled in for January.

Relations have been strained since Marenlandic patrol boats seized a pair of Valdorian trawlers two years ago. Fishermen's groups welcomed the news cautiously; a spokesman for the Valdorian Fishermen's Association said members would "believe it when the quotas are published".

Both parliaments must still ratify the arrangement.

@article minister_a v3
outlet: Pulse News
published: 2026-11-05T07:45:00Z
title: Ministers hail 'practical' deal on disputed fishing grounds
alt: Valdoria-Marenland fisheries deal: the key points

A deal struck in Geneva between Valdoria and Marenland could allow fishing crews from both countries to return to the Grey Sound without fear of arrest, officials said on Thursday.

Under the agreement reached by foreign ministers Katarina Velde and Oskar Brenner, a six-member commission will fix catch limits each year and handle disputes between boats. Officials in both capitals described it as the most important bilateral accord in a decade.

Brenner played down expectations, calling it a working arrangement rather than a treaty. Velde said the two sides had "finally stopped talking past each other".

The commission is due to convene in January, provided the Valdorian and Marenlandic parliaments approve the plan in the coming weeks. Fishing organisations in Valdoria said they would send observers to the first meeting.

@event minister_b
cluster: minister
dateline: RENNICK, Valdoria
summary: Valdoria and Marenland ministers sign Rennick-Halvik rail memorandum and student visa deal in Rennick (25 Nov)

@article minister_b v1
outlet: Continental Herald
published: 2026-11-25T13:20:00Z
title: Valdoria and Marenland sign rail link memorandum in Rennick
alt: Rennick-Halvik rail line moves a step closer

Valdoria and Marenland signed a memorandum of understanding on Wednesday to build a cross-border railway between their capitals, Rennick and Halvik, a project first proposed more than twenty years ago.

Foreign ministers Katarina Velde and Oskar Brenner signed the document at the Valdorian foreign ministry in Rennick, three weeks after the two met in Geneva to settle a separate dispute over fishing rights.

The 310-kilometre line would cut the journey between the two cities from nearly seven hours by road to under three by train. Engineers will spend the next eighteen months on a feasibility study, and construction could begin in 2029 if financing is agreed.

"People have waited a generation for this railway, and today we can at least show them a route on a map," Brenner said.

The ministers also agreed to let university students from each country study in the other without a visa from next September. Velde said around 4,000 students could benefit in the first year.

The cost of the railway has not been published, but officials in Rennick estimate it at between 3 billion and 4 billion euros.

Business groups in both countries welcomed the memorandum, saying a fast rail connection would make it easier for companies to recruit staff across the border and cut the number of lorries on the main highway.

@article minister_b v2
outlet: Northern Courier
published: 2026-11-26T08:00:00Z
title: Cross-border railway and student visa deal agreed by neighbours
alt: Velde and Brenner back Rennick to Halvik railway

Travellers between Valdoria and Marenland may one day swap a long drive for a fast train after the two governments committed on Wednesday to study a railway linking Rennick and Halvik.

The memorandum, signed in Rennick by Katarina Velde and her Marenlandic counterpart Oskar Brenner, commits both sides to pay for an eighteen-month feasibility study. If it goes ahead, the line would run for roughly 310 kilometres and bring journey times below three hours.

A second agreement will allow students to enrol at universities across the border without a visa from the next academic year.

Opposition politicians in Marenland questioned whether the country could afford its share of a project that officials privately put at several billion euros. Brenner said funding would be discussed "once we know exactly what we are building".

@event football_a
cluster: football
dateline: ASHFORD
summary: Ashford Rovers beat ten-man Kingsbridge United 3-1 at Mill Lane (7 Nov), Okafor scores twice

@article football_a v1
outlet: The Daily Ledger
published: 2026-11-07T17:50:00Z
title: Okafor double lifts Ashford Rovers past ten-man Kingsbridge
alt: Ashford Rovers 3-1 Kingsbridge United: Okafor scores twice

Tomás Okafor scored twice as Ashford Rovers came from behind to beat ten-man Kingsbridge United 3-1 at Mill Lane on Saturday and climb to third in the table.

Kingsbridge took the lead against the run of play in the 22nd minute when Callum Reid headed in a corner at the near post. Rovers had most of the ball but struggled to break down a deep defence until shortly before half-time, when Okafor turned sharply on the edge of the area and curled a shot into the far corner.

The game swung decisively on the hour. Lewis Drummond, already booked, pulled Okafor back as he raced clear and was shown a second yellow card by referee Martin Hale.

Okafor put Rovers ahead from close range in the 67th minute after the Kingsbridge goalkeeper could only parry a shot from Sami Haddad, and Haddad sealed the win himself with a low drive ten minutes from time.

"At 1-0 down we needed patience, and the players showed it," said Rovers manager Dario Pellegrini. "Tomás was a problem for them all afternoon."

A crowd of 18,400 saw Rovers extend their unbeaten home run to nine matches.

Kingsbridge, who have now gone five league games without a win, remain in the bottom half of the table. Their manager, Steve Aldous, said his side had defended well for an hour but could not cope once they were a man down.

@article football_a v2
outlet: Coastline Post
published: 2026-11-07T18:30:00Z
title: Rovers fight back as Drummond red card costs Kingsbridge
alt: Ashford come from behind to beat Kingsbridge at Mill Lane

Kingsbridge United's resistance at Mill Lane ended when Lewis Drummond was sent off, and Ashford Rovers took full advantage to win 3-1 on Saturday afternoon.

The visitors had gone in front through a Callum Reid header from a set piece, but Tomás Okafor levelled before the break with a curling effort from just outside the box.

Drummond's dismissal for a second bookable offence, a tug on Okafor's shirt as the striker broke through, changed everything. Okafor tapped in a rebound for his second goal of the afternoon soon afterwards, and midfielder Sami Haddad added the third late on.

Dario Pellegrini praised his side's composure, while Kingsbridge's manager, Steve Aldous, said the sending-off was "harsh but probably correct".

The result moves Ashford up to third place, and leaves Kingsbridge without a win in five league games.

@article football_a v3
outlet: Pulse News
published: 2026-11-08T09:10:00Z
title: Pellegrini hails patience after Rovers beat Kingsbridge
alt: Okafor the difference again for Ashford Rovers

Ashford Rovers manager Dario Pellegrini said his team had "earned the right to be talked about" after Saturday's 3-1 win over Kingsbridge United took them into the top three.

Rovers fell behind early at Mill Lane but recovered thanks to two goals from striker Tomás Okafor, who now has eleven for the season, and a late strike from Sami Haddad. Okafor's first was a curling shot just before half-time; his second came from close range after a save.

Kingsbridge played the last half-hour with ten men after defender Lewis Drummond collected a second yellow card for fouling Okafor.

Pellegrini refused to talk about promotion. "We are in November. Ask me in April," he said. Rovers travel to Easton City next weekend, where they have not won since 2019.

@article football_a fu
outlet: Valley Gazette
published: 2026-11-09T15:00:00Z
title: Drummond banned for three games after Mill Lane confrontation
alt: Kingsbridge's Drummond suspended over referee row
about: three-match ban for Kingsbridge defender sent off in the match

Kingsbridge United defender Lewis Drummond has been suspended for three matches after admitting a charge of improper conduct following his sending-off against Ashford Rovers on Saturday.

Drummond, who was dismissed for a second yellow card when he pulled back Tomás Okafor, had to be led away by team-mates after confronting referee Martin Hale near the tunnel. The referee's report described his language as abusive.

Kingsbridge were also fined 8,000 pounds for failing to control their players, several of whom surrounded the officials at the time.

In a statement, Drummond apologised to Hale and to the club's supporters. "My reaction was wrong, and I accept the punishment," he said.

Kingsbridge, who lost 3-1 at Mill Lane, will be without him for the visits of Carrow Town and Easton City. Ashford Rovers manager Dario Pellegrini declined to comment on the incident.

@event football_b
cluster: football
dateline: ASHFORD
summary: Ashford Rovers draw 2-2 with Carrow Town at Mill Lane (21 Nov) after stoppage-time penalty

@article football_b v1
outlet: The Daily Ledger
published: 2026-11-21T17:45:00Z
title: Late Carrow penalty denies ten-man Ashford Rovers
alt: Ashford Rovers 2-2 Carrow Town: Maddox strikes in stoppage time

Jonny Maddox converted a stoppage-time penalty to earn Carrow Town a 2-2 draw at Mill Lane on Saturday, ending Ashford Rovers' run of four straight league wins.

Rovers led twice. Tomás Okafor opened the scoring with a header in the 14th minute, his twelfth goal of the season, but Carrow drew level before the break when Ryan Ekwueme's shot deflected in off a defender.

Sami Haddad restored the home side's lead early in the second half with a free-kick that dipped over the wall, and Rovers looked set for another win until the closing minutes.

Goalkeeper Ben Tiernan was sent off in the 92nd minute for bringing down Maddox as he rounded him, and with all three substitutes used, defender Kyle Foster went in goal. Maddox sent him the wrong way from the spot.

"It hurts, because we controlled most of the game," Dario Pellegrini said. "But a point keeps the home record going."

Rovers are now unbeaten in ten home matches and remain third.

@article football_b v2
outlet: Capital Observer
published: 2026-11-21T19:05:00Z
title: Tiernan red card and Maddox penalty frustrate Rovers
alt: Carrow snatch point at Mill Lane

Ashford Rovers dropped two points in dramatic fashion on Saturday when Carrow Town scored from the penalty spot deep into added time to draw 2-2 at Mill Lane.

Dario Pellegrini's side were in front through an early Tomás Okafor header and again through a Sami Haddad free-kick, after Ryan Ekwueme's deflected strike had brought Carrow level in the first half.

The drama came late. Rovers keeper Ben Tiernan was shown a straight red card for a foul on Jonny Maddox, and outfield player Kyle Foster had to pull on the gloves. Maddox coolly rolled the penalty into the corner.

The draw extends Rovers' unbeaten home run to ten games but ends a sequence of four league victories. They stay third.
'''
