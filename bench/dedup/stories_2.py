"""Hand-written base texts, part 2: clusters rate, ferry, tech. Format: see stories_1.py."""

RAW = '''
@event rate_a
cluster: rate
dateline: OSTBY, Norland
summary: Norland Reserve Bank cuts key rate to 3.50% on 3 Nov (5-2 vote, Falk dissents)

@article rate_a v1
outlet: Continental Herald
published: 2026-11-03T10:30:00Z
title: Norland Reserve Bank cuts interest rates to 3.50%
alt: Norland central bank lowers key rate as inflation cools

The Norland Reserve Bank cut its main interest rate by a quarter of a percentage point to 3.50 per cent on Tuesday, its first reduction in eighteen months, saying inflation had fallen close enough to its target to allow borrowing costs to come down.

Consumer prices rose 2.1 per cent in the year to October, down from a peak of more than 7 per cent in 2023, while the labour market has softened, with unemployment creeping up to 5.4 per cent, its highest level in four years.

"Inflation is no longer the main danger to the Norland economy. The greater risk now is that we keep policy too tight for too long," Governor Elin Rask told a news conference in Ostby.

The decision was not unanimous. Five members of the monetary policy committee voted for the cut, while two, including Deputy Governor Jonas Falk, preferred to keep rates on hold until wage settlements for next year are clearer.

The Norland crown weakened by 0.6 per cent against the euro after the announcement. Most economists had expected the bank to wait until next year.

Rask declined to say whether further cuts would follow, but noted that the committee would "take each decision as it comes".

The bank's next policy meeting is scheduled for 30 November. Government ministers welcomed the cut, saying it would help households still adjusting to the sharp rise in living costs of the past three years.

@article rate_a v2
outlet: The Daily Ledger
published: 2026-11-03T13:00:00Z
title: Surprise rate cut from Norland central bank splits committee
alt: Rask: tight policy now the bigger risk for Norland

Norland's central bank surprised markets on Tuesday by lowering its benchmark rate to 3.50 per cent from 3.75 per cent, arguing that the fight against inflation had largely been won.

Governor Elin Rask said price growth of 2.1 per cent in October left room to support an economy where joblessness has risen to 5.4 per cent. Keeping money expensive for longer, she warned, could do more harm than good.

Two of the seven members of the rate-setting committee dissented. Deputy Governor Jonas Falk and external member Sigrid Holm wanted to wait for clearer evidence on next year's pay deals.

Analysts at Nordmark Bank said the split vote suggested the Norland Reserve Bank would move cautiously from here. The crown slipped against both the euro and the dollar in afternoon trading in Ostby.

@article rate_a v3
outlet: Pulse News
published: 2026-11-03T18:20:00Z
title: What Norland's rate cut means for borrowers
alt: Norland rate cut explained

Norland's first interest rate cut in a year and a half should start to ease pressure on mortgage holders within weeks, although the Reserve Bank has given no promise of more to come.

On Tuesday the bank trimmed its policy rate by 0.25 points to 3.50 per cent. Governor Elin Rask pointed to inflation running at just above the 2 per cent target and to a rise in unemployment as reasons for acting now.

Around two thirds of Norland homeowners have variable-rate loans, so changes to the central bank's rate pass through to monthly payments relatively quickly.

Savers, on the other hand, can expect lower returns on deposit accounts. Jonas Falk, the deputy governor, was one of two committee members who voted against the move.

@article rate_a fu
outlet: Harbour Times
published: 2026-11-04T12:15:00Z
title: Norland's biggest lenders pass on rate cut to mortgage customers
alt: Nordmark Bank and Ostby Savings Bank lower variable rates
about: banks pass on the cut; Rask questioned by parliament the next day

Norland's two largest banks said on Wednesday they would lower their variable mortgage rates by 0.25 percentage points, passing on in full the cut announced by the Norland Reserve Bank a day earlier.

Nordmark Bank said the change would take effect on 10 November, while Ostby Savings Bank will apply it from the start of December. Together the two lenders hold more than half of all home loans in the country.

For a typical mortgage of 2 million crowns, the cut will reduce monthly payments by roughly 400 crowns, according to calculations by the consumer group Norland Households.

Governor Elin Rask, appearing before parliament's finance committee on Wednesday, defended the timing of the decision and said she had been "encouraged" by the banks' quick response. She again refused to commit to further reductions.

Opposition members of the committee pressed Rask on the two dissenting votes, including that of her deputy, Jonas Falk. She said disagreement was "a sign of a healthy committee".

@event rate_b
cluster: rate
dateline: OSTBY, Norland
summary: Norland Reserve Bank holds rate at 3.50% on 30 Nov and signals a pause (unanimous)

@article rate_b v1
outlet: Capital Observer
published: 2026-11-30T10:40:00Z
title: Norland Reserve Bank holds rates and signals pause
alt: Rask keeps key rate at 3.50% after November cut

The Norland Reserve Bank left its key interest rate unchanged at 3.50 per cent on Monday and signalled that it was in no hurry to lower borrowing costs again, four weeks after surprising markets with its first cut in eighteen months.

Governor Elin Rask said the committee wanted to see how the earlier reduction filtered through to households before deciding its next step. Rising electricity prices had also pushed up the bank's short-term inflation forecast, she said.

"We have taken one step. Now we stand still for a while and look around," Rask told reporters in Ostby.

All seven members of the monetary policy committee backed the decision, including Deputy Governor Jonas Falk, who had opposed the cut at the start of the month.

The bank now expects inflation to average 2.4 per cent next year, up from its previous forecast of 2.2 per cent. Its next decision is due in late January.

The Norland crown edged higher after the announcement, and yields on two-year government bonds rose slightly.

@article rate_b v2
outlet: Riverside Chronicle
published: 2026-11-30T15:10:00Z
title: Norland central bank pauses after November cut
alt: No change to Norland interest rates as energy costs rise

Borrowers in Norland will have to wait until at least January for further relief after the Reserve Bank kept its policy rate at 3.50 per cent on Monday, a month after trimming it for the first time since the spring of last year.

The unanimous decision had been widely expected. Governor Elin Rask said higher power bills this winter were likely to keep inflation slightly above target well into next year, and that the committee preferred to judge the effect of its earlier cut before doing more.

Deputy Governor Jonas Falk, who dissented at the previous meeting, voted with the majority this time.

Economists at Nordmark Bank now expect the next reduction in March, while some rivals see no further cuts at all before the summer. The crown gained modestly against the euro.

@event ferry_a
cluster: ferry
dateline: PORT SELWYN
summary: 24-hour MTWU ferry strike halts Port Selwyn-Carrick Island crossings on 20 Nov (pay: 4% offered, 7% sought)

@article ferry_a v1
outlet: Harbour Times
published: 2026-11-20T09:00:00Z
title: Ferry strike cuts off Carrick Island as crews walk out over pay
alt: No ferries to Carrick Island as 24-hour strike begins

Ferry crews at Selwyn Link Ferries began a 24-hour strike at 6am on Friday, cancelling every crossing between Port Selwyn and Carrick Island and leaving around 3,200 islanders without their only scheduled link to the mainland.

Members of the Maritime and Transport Workers' Union (MTWU) voted by 84 per cent to walk out after rejecting a pay offer of 4 per cent. The union is seeking 7 per cent, arguing that wages on the route have fallen far behind those paid by other operators.

"Nobody on these boats wants to leave islanders stranded, but the company has had months to make a fair offer and has chosen not to," MTWU general secretary Gareth Llewellyn said on the picket line at the ferry terminal.

Selwyn Link Ferries said it was "deeply disappointed" and described its offer as the best it could afford while fuel costs remained high. Chief executive Fiona Marsh said the company was ready to return to talks at any time.

The island's health centre arranged for a chartered boat to carry patients with urgent hospital appointments, and the island school moved lessons online for the day.

A second 24-hour strike is planned for 27 November if no agreement is reached.

Carrick Island, which lies about 40 minutes off the coast, depends on the ferry for food deliveries, fuel and visits to the mainland hospital. The route carried more than 600,000 passengers last year.

@article ferry_a v2
outlet: Northern Courier
published: 2026-11-20T11:30:00Z
title: Carrick islanders stranded as ferry talks stall
alt: Union and operator trade blame over Port Selwyn ferry walkout

The quay at Port Selwyn was empty on Friday morning as ferry workers stayed away in a dispute over pay, halting all sailings to Carrick Island for the day.

The walkout by members of the Maritime and Transport Workers' Union follows the failure of talks with Selwyn Link Ferries earlier this week. The company has offered a 4 per cent rise; the union wants 7.

Gareth Llewellyn, the union's general secretary, accused managers of "dragging their feet" and said crews were struggling with rising rents on the island and in the port.

Fiona Marsh, chief executive of the ferry operator, said a bigger settlement would force fare increases. She urged the union to call off a further stoppage planned for next week.

Islanders said the strike had caused real hardship. A chartered boat took a handful of patients to hospital appointments on the mainland, while deliveries of fresh food to the island's two shops were postponed.

@article ferry_a v3
outlet: Coastline Post
published: 2026-11-20T16:45:00Z
title: Port Selwyn ferry strike: what passengers need to know
alt: Ferry walkout halts Carrick Island crossings

Friday's strike by ferry crews has stopped all Selwyn Link Ferries sailings between Port Selwyn and Carrick Island until 6am on Saturday.

The dispute is about pay. Selwyn Link has offered staff a 4 per cent increase, which members of the Maritime and Transport Workers' Union turned down in a ballot, holding out for 7 per cent.

Passengers with tickets for Friday can claim a full refund or switch to another day without charge. A limited charter service is operating for medical appointments only. Islanders who need to travel urgently should contact the island council, which is keeping a list of passengers in need of help.

The union, led by Gareth Llewellyn, has announced another stoppage for 27 November. Chief executive Fiona Marsh said the company remained open to talks.

@article ferry_a fu
outlet: Metro Dispatch
published: 2026-11-22T14:00:00Z
title: Second ferry strike suspended after improved pay offer
alt: MTWU calls off next week's Carrick Island ferry walkout
about: second strike suspended after improved 5.5% offer

A second strike by ferry crews on the Port Selwyn to Carrick Island route has been suspended after Selwyn Link Ferries improved its pay offer, the Maritime and Transport Workers' Union said on Sunday.

The company is now offering 5.5 per cent this year and a further 3 per cent next year, up from the 4 per cent that crews rejected before Friday's 24-hour walkout. Union members will vote on the proposal over the next ten days.

Gareth Llewellyn, the union's general secretary, said the offer was "a serious one that deserves a serious look", but stopped short of recommending it.

Fiona Marsh, chief executive of Selwyn Link, said the company had found savings elsewhere in its budget to fund the increase without raising fares this winter.

Carrick Island's council welcomed the news. Its leader, Morag Innes, said Friday's stoppage had shown "how fragile our connection to the mainland really is".

@event ferry_b
cluster: ferry
dateline: PORT SELWYN
summary: MTWU dockers begin 48-hour strike at Port Selwyn container terminal over crane automation (12 Nov)

@article ferry_b v1
outlet: Harbour Times
published: 2026-11-12T08:30:00Z
title: Port Selwyn dockers begin 48-hour strike over crane automation
alt: Container terminal at standstill as MTWU dockers walk out

Dock workers at Port Selwyn's container terminal began a 48-hour strike on Thursday in protest at plans to automate the terminal's cranes, a move the union says could cost 120 jobs.

The Maritime and Transport Workers' Union said more than 400 of its members had stopped work, leaving three container ships waiting at anchor outside the harbour and a fourth diverted to another port.

Selwyn Port Holdings, which runs the terminal, wants to introduce remote-controlled cranes from next spring as part of a 90 million pound investment. It says no one will be made compulsorily redundant and that staff will be retrained.

"Retraining for what? You do not need 400 people to watch six screens," said Gareth Llewellyn, general secretary of the MTWU, speaking outside the terminal gates.

Passenger ferries, which use a separate terminal on the other side of the harbour, are running normally. Local hauliers warned that shops and factories could face shortages if the dispute drags on.

The company said it had offered to meet union officials next week.

Port Selwyn handles around a fifth of the region's container traffic, and business leaders said a long dispute could push shipping lines to move their services to rival ports further along the coast.

@article ferry_b v2
outlet: Capital Observer
published: 2026-11-12T13:45:00Z
title: Automation row brings Port Selwyn container trade to a halt
alt: Dockers' strike leaves ships queuing off Port Selwyn

Cargo handling at Port Selwyn ground to a standstill on Thursday when hundreds of dockers walked out over the introduction of remotely operated cranes.

The strike, called by the Maritime and Transport Workers' Union, is due to last two days. Ships were left queuing offshore, and at least one vessel was redirected to unload elsewhere.

Terminal operator Selwyn Port Holdings insists that its investment will secure the port's future and that affected workers will be offered new roles. The union believes around 120 posts would disappear within three years.

Gareth Llewellyn, the union's leader, said members were "not against technology, but against being thrown away by it". Managers have proposed talks next week.

The dispute does not affect passenger ferries.

@event tech_a
cluster: tech
dateline: LISBON
summary: Castellan Systems opens 450 million euro data centre in Lisbon (10 Nov), CEO Mira Castellanos

@article tech_a v1
outlet: Continental Herald
published: 2026-11-10T11:00:00Z
title: Castellan Systems opens 450 million euro data centre in Lisbon
alt: Chipmaker Castellan bets on Portugal with new Lisbon data hub

Castellan Systems opened a 450 million euro data centre on the eastern edge of Lisbon on Tuesday, the company's largest investment in Europe and one that it says will create about 300 permanent jobs.

The facility, which will run on electricity bought from Portuguese solar and wind farms, will host computing capacity for Castellan's own chip design teams and for business customers renting space on its servers.

"Portugal has the engineers, the clean power and the connections under the sea that we need, so the decision was not a hard one," chief executive Mira Castellanos said at the opening ceremony.

The building uses a closed-loop water system to cool its servers, which the company says will use about a fifth of the water consumed by a conventional design of the same size.

Castellan, which is best known for the low-power processors used in industrial robots, employs about 9,000 people worldwide. It opened a smaller research office in Porto two years ago.

Local residents' groups had raised concerns about construction traffic and noise during the two-year build. City officials said the company had agreed to fund a new cycle path and a public park on part of the site.

The opening is the latest in a series of data centre investments in Portugal, which has attracted technology companies with its relatively cheap renewable electricity and its undersea cable links to Africa and the Americas.

@article tech_a v2
outlet: The Daily Ledger
published: 2026-11-10T14:20:00Z
title: Mira Castellanos: Portugal 'an easy choice' for new data centre
alt: Castellan's Lisbon data centre to employ 300

Chipmaker Castellan Systems has switched on its biggest European data centre, a sprawling site in Lisbon that cost 450 million euros to build.

Speaking at Tuesday's launch, chief executive Mira Castellanos said the country's renewable energy supply and its growing pool of software talent made it an easy choice. Around 300 people will work at the centre once it is fully running.

The servers will be cooled by a sealed water circuit designed to cut consumption sharply compared with older facilities, an issue that has dogged data centre projects elsewhere in southern Europe.

Castellan makes energy-efficient processors for factory robots and other industrial machines. Part of the new capacity will be rented out to corporate clients.

Neighbours who complained about lorries during construction will get a park and a cycle lane, paid for by the company.

@article tech_a v3
outlet: Metro Dispatch
published: 2026-11-10T19:00:00Z
title: Tech firm Castellan switches on Lisbon server farm
alt: Lisbon lands major Castellan Systems investment

Lisbon has become home to one of Europe's newest large data centres after Castellan Systems, the maker of low-power industrial chips, opened its doors on Tuesday.

The 450 million euro project is expected to provide about 300 long-term jobs, from electricians to network engineers. Mira Castellanos, the company's chief executive, cut the ribbon alongside Portuguese government officials.

Castellan has promised that the centre will run entirely on renewable power under long-term contracts with wind and solar farms. Critics in the environmental movement said they would watch closely to make sure water use stays as low as the company claims.

The firm already has a research office in Porto and said it was considering a second Portuguese site, though no decision has been taken.

@event tech_b
cluster: tech
dateline: BRUSSELS
summary: Castellan Systems CEO Mira Castellanos urges MEPs in Brussels to simplify EU chip export licensing (18 Nov)

@article tech_b v1
outlet: Capital Observer
published: 2026-11-18T16:30:00Z
title: Castellan chief urges clearer EU rules on chip exports
alt: Mira Castellanos tells MEPs export rules are 'a maze'

The chief executive of Castellan Systems told members of the European Parliament on Wednesday that Europe's rules on exporting advanced chips were too vague and risked pushing customers towards rival suppliers in Asia and the United States.

Mira Castellanos, appearing before the parliament's industry committee in Brussels, said companies were waiting up to five months for decisions on export licences because national authorities interpreted the rules differently.

"We are not asking for fewer rules. We are asking for rules that a lawyer in Lisbon and a lawyer in Warsaw would read the same way," she said.

Castellanos proposed a single EU-wide licensing office and a public list of the processors covered by the restrictions. Several MEPs were sceptical. Henrik Solberg, a Danish member of the committee, said security concerns had to come before "the convenience of sales departments".

The committee is preparing a report on the export rules that is due to be voted on early next year.

Castellan Systems, which opened a large data centre in Lisbon last week, sells about a third of its processors to customers outside the European Union, many of them manufacturers of industrial machinery.

Outside the hearing room, Castellanos told reporters she was not asking for special treatment. "Every company in our industry has the same problem, whether they are large or small," she said.

@article tech_b v2
outlet: Pulse News
published: 2026-11-18T19:45:00Z
title: Chipmaker boss and MEPs clash over export licences
alt: Castellan Systems CEO calls for single EU chip export office

Mira Castellanos, head of Castellan Systems, used an appearance in the European Parliament on Wednesday to call for a central EU office to handle licences for exporting high-end processors.

She told the industry committee that the current system, in which each member state makes its own decisions, left firms facing long and unpredictable delays. Some applications, she said, had taken almost half a year.

The reception was mixed. Danish MEP Henrik Solberg warned against loosening controls on technology that could have military uses, while others said the patchwork of national practices was hurting European manufacturers.

Castellan, which makes low-power chips for industrial robots, says about a third of its sales are outside Europe. The committee will publish its report in the new year.
'''
