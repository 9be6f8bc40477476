"""Hand-written articles for the Northern Courier RSS feed (12 items).

Northern Courier pages carry the meta tags but no JSON-LD script. House style writes "U.S.".
"""

from .wire import WIRE_AUTHOR, WIRE_BODY, WIRE_SUMMARY, WIRE_TITLE

ARTICLES = [
    dict(
        slug="freight-rates-fall-fourth-week",
        section="Business",
        title=WIRE_TITLE,
        author=WIRE_AUTHOR,
        date="2026-11-26T14:00:00+00:00",
        summary=WIRE_SUMMARY,
        body=WIRE_BODY,
    ),
    dict(
        slug="barents-sea-deal-shows-arctic-cooperation-possible",
        section="World",
        title="Barents Sea deal shows Arctic cooperation is still possible, says Norway",
        author="Martin Hale",
        date="2026-11-27T19:30:00+01:00",
        page_tz="+00:00",
        summary=(
            "Norway\u2019s foreign minister says a safety and fisheries agreement signed with Russia in Vienna "
            "proves that practical cooperation in the Arctic can continue."
        ),
        body="""
Norway's foreign minister has said that a safety and fisheries agreement signed with Russia in Vienna on Friday shows that practical cooperation in the Arctic is still possible, despite deep disagreements between Moscow and the West.

Ingrid Halvorsen signed the accord alongside Russia's foreign minister, Sergei Lavrov, at the end of three days of talks hosted by the United Nations. The agreement covers rescue coordination, the sharing of fish stock data and a system for notifying the movements of larger ships in the Barents Sea.

"We have not become friends, and we have not agreed on the things that matter most," Ms Halvorsen told reporters after the ceremony. "But we have agreed on how to save a sailor in a storm. That is worth something."

Mr Lavrov described the talks as "businesslike" and said the text would be sent to Vladimir Putin for approval. He said Russia was open to similar arrangements with other Arctic states "on the basis of mutual respect".

The U.S. State Department said it welcomed "any steps that improve safety at sea", while a NATO spokesperson said allies had been kept informed throughout the negotiations. Officials in Washington and Brussels stressed that the accord was limited to technical matters.

The deal was also welcomed in the north of England, where several fishing companies in Hull and Grimsby have links with Norwegian partners. "Anything that improves the science on cod and haddock in those waters helps everyone who depends on them," said Tom Ellerby, who runs a fish processing business on the Humber.

The UN envoy who chaired the talks, Marisol Ortega, said she hoped the accord would "show what patient diplomacy can still achieve". A joint notification centre is expected to open in Tromsø next year.
""",
    ),
    dict(
        slug="independent-wins-hartley-by-election",
        section="Politics",
        title="Independent candidate wins Hartley ward by-election by 41 votes",
        author="Joanne Pickering",
        date="2026-11-27T01:40:00+00:00",
        summary=(
            "A former headteacher standing as an independent has won a council by-election in Hartley "
            "after a recount that went on past midnight."
        ),
        body="""
A former headteacher standing as an independent has won a council by-election in the Hartley ward by just 41 votes, after a recount that finished shortly after midnight.

Margaret Oyelaran, who led Hartley Primary School for 17 years before retiring last summer, received 1,214 votes. The Labour candidate, Ben Crossley, was second with 1,173, followed by Reform UK on 902, the Conservatives on 388 and the Green Party on 211.

Turnout was 27.4%, higher than at most recent by-elections in the borough. The seat became vacant in September when the previous Labour councillor stood down for health reasons.

Ms Oyelaran campaigned on local issues, including the future of the ward's library, which is under review as part of the council's budget savings, and road safety outside schools. "People here want someone who will pick up the phone and get things done," she said after the result was declared. "That is what I intend to do."

Labour, which still has a comfortable majority on the council, said it was disappointed but that the result reflected the personal popularity of a well-known local figure. "Margaret is respected across this community, and we congratulate her," said the council leader.

Reform UK said its vote showed it was "now a serious force in the borough", having not stood a candidate in the ward at the last full council elections.

The new councillor will sit on the council for the first time at its meeting on December 9. All seats on the council are due to be contested in May 2027.
""",
    ),
    dict(
        slug="marsden-steelworks-fires-up-hydrogen-ready-furnace",
        section="Business",
        title="Marsden steelworks fires up hydrogen-ready furnace in \u00a3400m upgrade",
        author="Daniel Hirst",
        date="2026-11-23T09:30:00+00:00",
        summary=(
            "A new electric arc furnace at the Marsden steelworks has produced its first steel, part of a "
            "\u00a3400m upgrade that its owners say will cut emissions by three quarters."
        ),
        body="""
A new electric arc furnace at the Marsden steelworks has produced its first batch of steel, marking the completion of a £400m upgrade that the site's owners say will cut its carbon emissions by around three quarters.

The furnace melts scrap metal using electricity rather than making iron from ore and coal in a blast furnace. It has been designed so that hydrogen can later be used in place of natural gas in parts of the process, which would reduce emissions further.

About 900 people work at the site, which has made steel for more than a century. The company said no jobs would be lost as a result of the change, although around 150 workers have retrained for new roles.

The UK government contributed £120m towards the project through a fund for energy-intensive industries. The business secretary, who attended the first melt, said the investment showed that "British steel has a future, and it is a cleaner one".

Managers said the upgrade would also help the plant compete in Europe. From this year, steel imported into the EU is subject to a carbon border charge, which would have applied to much of Marsden's exports had the site continued to rely on coal.

Electricity costs remain a concern. Steelmakers in Britain pay considerably more for power than competitors in France and Germany, and the industry has lobbied for further help. "We have done our part," said the plant's managing director, Claire Hutchinson. "Now we need energy prices that let us compete."

Trade unions welcomed the investment but called for a guarantee that steel from Marsden would be used in public projects such as new railways and bridges.
""",
    ),
    dict(
        slug="yorkshire-gin-makers-hope-us-tariff-review",
        section="Business",
        title="Yorkshire gin makers hope U.S. tariff review will reopen American market",
        author="Daniel Hirst",
        date="2026-11-24T14:00:00-05:00",
        summary=(
            "Small distillers in Yorkshire say a review of U.S. tariffs on British spirits could help them "
            "win back customers they lost in America."
        ),
        body="""
Small distillers in Yorkshire say a review of U.S. tariffs on British spirits could help them win back American customers they lost when import duties were raised.

The Office of the U.S. Trade Representative confirmed in Washington on Tuesday that it would review duties on a range of goods from the UK, including gin, whisky and some food products, as part of talks on a wider trade arrangement. A decision is expected early next year.

Exports of British gin to the U.S. fell by about a fifth after the tariffs were introduced, according to industry figures. Larger producers were able to absorb some of the extra cost, but many small craft distilleries stopped selling to American distributors altogether.

"America was our second biggest market, and almost overnight it stopped making sense," said Helen Scargill, who founded a distillery near Harrogate in 2017. "If the duty goes, we will be back on the plane the next week."

The Department for Business and Trade said ministers were "pressing hard" for the removal of tariffs on spirits and that the sector was a priority in the talks. The Wine and Spirit Trade Association said gin makers employed thousands of people in rural areas across the UK.

American importers have also lobbied for a deal. Distributors in New York and California say demand for British craft spirits remains strong, but that the higher prices have pushed customers towards domestic brands.

Some distillers have used the past two years to build up sales in other markets, including Australia, Canada and parts of the EU, and say they will not rely so heavily on a single country again.
""",
    ),
    dict(
        slug="pennine-university-fusion-magnet-advance",
        section="Science",
        title="Pennine University team reports advance in cooling fusion magnets",
        author="Ruth Ainsworth",
        date="2026-11-21T10:00:00+00:00",
        summary=(
            "Engineers at Pennine University say a new way of cooling superconducting magnets could make "
            "future fusion power plants cheaper to build and run."
        ),
        body="""
Engineers at Pennine University say they have developed a new way of cooling the powerful superconducting magnets used in fusion experiments, which could make future fusion power plants cheaper to build and run.

Fusion reactors of the tokamak design use magnets to hold a plasma many times hotter than the centre of the Sun in place. The magnets themselves must be kept extremely cold, and the cooling systems are among the most complex and expensive parts of the machine.

The team, working with the UK Atomic Energy Authority, tested a design in which helium gas flows through channels printed directly into the metal structure that supports the magnet coils. In laboratory trials, the approach kept a test magnet at its working temperature using about 30% less cooling power than a conventional arrangement.

"Fusion is often described as a physics problem, but a lot of it is plumbing," said Professor Aisha Rahman, who led the research. "If you can make the plumbing simpler, you make the whole machine more affordable."

The results have been published in a peer-reviewed engineering journal. Independent experts said the work was promising but that it would need to be tested at a much larger scale and under the intense radiation found inside a working reactor.

The UK is planning a prototype fusion power plant, known as STEP, at West Burton in Nottinghamshire, with the aim of generating electricity in the early 2040s. The international ITER project in southern France, the world's largest fusion experiment, has faced long delays.

The university said it had applied for funding to build a full-size test rig, which could create around 20 research jobs in the region.
""",
    ),
    dict(
        slug="hartley-town-win-fa-trophy-tie-on-penalties",
        section="Sport",
        title="Hartley Town win FA Trophy tie on penalties after dramatic comeback",
        author="Lee Barraclough",
        date="2026-11-22T18:05:00+00:00",
        summary=(
            "Hartley Town came from two goals down to draw 2-2 with Chorley Vale before winning 5-4 on "
            "penalties to reach the next round of the FA Trophy."
        ),
        body="""
Hartley Town came from two goals down to draw 2-2 with Chorley Vale and then won 5-4 on penalties to reach the third round of the FA Trophy in front of their biggest home crowd of the season.

The visitors, who play a division higher, were in control at half-time after two goals in five minutes. The first came from a free-kick that curled over the wall, and the second from a quick break after Hartley had lost possession in midfield.

Hartley's manager, Steve Moorhouse, made a double substitution at the interval and the home side were transformed. Winger Jordan Pike pulled a goal back on the hour with a low shot across the goalkeeper, and captain Aaron Firth headed an equaliser from a corner in the 83rd minute, sending most of the 1,342 spectators into celebration.

There were no further goals, and the tie went straight to penalties. Nine of the first ten kicks were scored before Hartley goalkeeper Danny Walsh saved Chorley Vale's sixth penalty, diving low to his right. Firth then stepped up again to win the tie.

"I told the lads at half-time that nobody expected anything from us, so we had nothing to lose," Moorhouse said. "The way they responded tells you everything about this group."

The win is worth £7,500 in prize money to the club, which relies heavily on volunteers and on income from its clubhouse. The chairman said the money would go towards new floodlights.

The draw for the third round will take place on Monday.
""",
    ),
    dict(
        slug="snow-and-ice-warnings-for-pennines",
        section="Weather",
        title="Snow and ice warnings issued for the Pennines as cold snap follows Storm Isolde",
        author="Ruth Ainsworth",
        date="2026-11-23T06:30:00+00:00",
        summary=(
            "The Met Office has issued yellow warnings for snow and ice across the Pennines, with up to "
            "10cm of snow possible on higher routes."
        ),
        body="""
The Met Office has issued yellow warnings for snow and ice across the Pennines and the North York Moors, as a spell of much colder weather follows the stormy conditions brought by Storm Isolde at the weekend.

Forecasters said between 2cm and 5cm of snow was likely above 200 metres, with up to 10cm possible on the highest routes. Temperatures were expected to fall as low as minus 6C in rural areas overnight, with a widespread risk of ice on untreated roads and pavements.

National Highways said gritters had been out on major routes since Sunday evening. Drivers were advised to check conditions before travelling on high-level roads including the A66 across Stainmore, the A628 Woodhead Pass and the Snake Pass, which are often among the first to close in wintry weather.

Councils across the region said their salt stocks were full. "We have more than 20,000 tonnes ready and crews working in shifts around the clock," said a spokesperson for one county council.

Schools were expected to open as normal, although some in remote villages warned parents that they might close at short notice if buses could not run safely.

Health officials urged people to check on elderly neighbours and relatives and to keep homes heated to at least 18C. The UK Health Security Agency has issued an amber cold health alert for the North East and Yorkshire, meaning that the weather is likely to put pressure on health and social care services.

The cold spell is expected to last until at least Thursday before milder air arrives from the west.
""",
    ),
    dict(
        slug="passenger-trains-return-to-leaside-branch",
        section="Transport",
        title="Passenger trains return to Leaside branch line after 58 years",
        author="Joanne Pickering",
        date="2026-11-25T08:15:00+00:00",
        summary=(
            "The first scheduled passenger service in almost six decades has run on the reopened Leaside "
            "branch, linking three towns to the main line."
        ),
        body="""
The first scheduled passenger train in almost six decades has run on the Leaside branch line, reconnecting three towns to the national rail network.

The 06:12 service left Leaside station with more than 200 people on board, many of them rail enthusiasts and local residents who had campaigned for years for the line to reopen. Some had travelled on the last train before the line closed to passengers in 1968.

"My father drove the last train out of here, and I never thought I would see another one," said Jean Whitworth, 81, who was given a seat in the front carriage. "It is a very happy day."

The £62m project, funded by the government and managed by Network Rail, involved relaying eight miles of track, rebuilding two stations and upgrading level crossings. The line had been used only by occasional freight trains since the 1990s.

Northern, which operates the service, will run an hourly train between Leaside and the main line junction at Thornbury, with connections to Leeds and Manchester. Journey times to Leeds will be about 50 minutes, compared with more than an hour and a half by bus.

Local businesses hope the line will bring new visitors and make it easier for residents to reach jobs in the cities. The council has already approved plans for around 400 new homes close to the reopened stations.

Campaigners said the reopening should be the first of many. "There are dozens of lines like this across the north that could make a real difference," said a spokesperson for a regional rail users' group.
""",
    ),
    dict(
        slug="housebuilding-in-north-east-picks-up",
        section="Business",
        title="Housebuilding in the North East picks up as mortgage rates ease",
        author="Daniel Hirst",
        date="2026-11-26T07:00:00+00:00",
        summary=(
            "New home registrations in the North East rose for a third quarter running, as lower mortgage "
            "rates brought more first-time buyers into the market."
        ),
        body="""
The number of new homes started in the North East rose for a third quarter in a row, as lower mortgage rates brought more first-time buyers back into the market.

Figures from the National House Building Council show that builders registered 2,480 new homes in the region between July and September, an increase of 14% on the same period last year. Across the UK, registrations rose by 9%.

Most of the growth came from private homes for sale, particularly on the edges of Newcastle, Sunderland and Durham. Affordable housing starts were broadly flat, which campaigners said showed the need for more public funding.

Builders said demand had improved since the Bank of England began cutting interest rates. The average rate on a two-year fixed mortgage has fallen to just under 4.5%, from more than 6% at its peak, according to the data firm Moneyfacts.

"The first-time buyer is back," said the regional director of one national housebuilder. "We are seeing people who put their plans on hold two years ago coming through the door again."

Persimmon and Barratt Redrow, two of the country's largest builders, have both reported stronger sales in recent trading updates, although they warned that higher costs for materials and labour were squeezing profits.

The government has set a target of 1.5 million new homes in England by the end of the parliament. Industry groups say the North East, where land is cheaper than in the south, could play a larger part, but that planning delays and a shortage of skilled workers remain obstacles.
""",
    ),
    dict(
        slug="hospital-trust-cuts-longest-waits",
        section="Health",
        title="Hospital trust cuts longest waits with weekend surgery lists",
        author="Joanne Pickering",
        date="2026-11-20T12:30:00+00:00",
        summary=(
            "Northshire Hospitals has almost halved the number of patients waiting more than a year for "
            "treatment by running extra operating lists at weekends."
        ),
        body="""
A hospital trust in the region has almost halved the number of patients waiting more than a year for planned treatment, after running extra operating lists on Saturdays and Sundays.

Northshire Hospitals NHS Foundation Trust said 1,920 patients had been waiting longer than 52 weeks at the end of October, down from 3,610 in April. The biggest improvements were in orthopaedics, where many patients wait for hip and knee replacements, and in ear, nose and throat surgery.

The trust has been running up to 12 additional operating lists each weekend since the spring, staffed by surgeons, anaesthetists and nurses who volunteered for extra shifts. It has also opened a dedicated day surgery unit at its smaller hospital, keeping planned operations separate from emergency care.

"Every one of those numbers is a person in pain, waiting to get their life back," said the trust's chief executive, Dr Richard Lowther. "Our staff have worked incredibly hard, and it is paying off."

NHS England figures show the trust now has one of the fastest rates of improvement in the country, although waiting lists remain well above the levels seen before the pandemic. The national target is for 65% of patients to be treated within 18 weeks by March.

Union representatives said staff were willing to help but warned that relying on extra shifts was not sustainable in the long run. "People are tired," said a Unison official. "We need more permanent staff, not more weekends."

The trust said it planned to keep the weekend lists running at least until the end of the financial year.
""",
    ),
    dict(
        slug="viking-silver-hoard-goes-on-display",
        section="Culture",
        title="Viking silver hoard found by metal detectorist goes on display",
        author="Ruth Ainsworth",
        date="2026-11-28T05:45:00+00:00",
        summary=(
            "A hoard of more than 300 Viking-age silver coins and ingots found in a field near Richmond has "
            "gone on public display for the first time."
        ),
        body="""
A hoard of more than 300 Viking-age silver coins, ingots and pieces of jewellery discovered in a field in North Yorkshire has gone on public display for the first time.

The hoard was found two years ago by a retired electrician, Keith Barnard, who was searching farmland near Richmond with a metal detector. He reported the find to the local finds liaison officer, and archaeologists from the British Museum later excavated the site.

Experts believe the objects were buried in the early 10th century, when much of northern England was under Scandinavian control. The coins include pennies minted for Alfred the Great and his son Edward, together with silver dirhams from the Islamic world that probably reached Yorkshire along trade routes running through Russia and the Baltic.

"This hoard is a snapshot of a connected world," said Dr Emma Lockwood, a curator at the museum that has acquired it. "Within a few handfuls of silver, you can trace trade from Baghdad to the Yorkshire Dales."

A coroner declared the find treasure last year, and the museum raised £480,000 to buy it, with help from the National Heritage Memorial Fund and a public appeal. Under the law, the reward is shared between the finder and the landowner.

Mr Barnard said he had been "shaking like a leaf" when the first coins appeared in the soil. "You dream about it, but you never expect it to happen," he said.

The hoard will be on display until September, after which parts of it will tour museums across the north of England.
""",
    ),
]
