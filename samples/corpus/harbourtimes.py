"""Hand-written articles for the Harbour Times Atom feed (14 entries).

Harbour Times pages carry JSON-LD but no article:published_time meta tag.
"""

from .wire import WIRE_AUTHOR, WIRE_BODY, WIRE_SUMMARY, WIRE_TITLE

ARTICLES = [
    dict(
        slug="marine-insurers-welcome-barents-sea-accord",
        section="Shipping",
        title="Marine insurers welcome Barents Sea accord as Russia and Norway sign in Vienna",
        author="Fiona MacLeod",
        date="2026-11-27T16:45:00+01:00",
        page_tz="+00:00",
        graph=True,
        summary=(
            "Insurers and shipowners say a new Russia-Norway agreement on rescue coordination & vessel "
            "notification in the Barents Sea could lower the risks of Arctic voyages."
        ),
        body="""
Marine insurers and shipowners have welcomed a maritime safety agreement signed by Russia and Norway in Vienna on Friday, saying clearer rules for rescue coordination in the Barents Sea could reduce the risks, and eventually the cost, of voyages through Arctic waters.

The accord was signed by Russia's foreign minister, Sergei Lavrov, and his Norwegian counterpart, Ingrid Halvorsen, at the end of three days of talks chaired by the United Nations. It still needs approval in Moscow and a vote in the Norwegian parliament before it can take effect.

Under the agreement, the rescue coordination centres in Bodø and Murmansk will follow a common procedure for handing over operations, and ships above a certain size will have to report their position to a joint notification centre when they enter a defined zone around the maritime border.

"For underwriters, the biggest unknown in the Barents Sea has always been what happens when something goes wrong near the border," said Helen Stride, head of marine at a London insurance syndicate. "A written procedure that both sides have signed is a real improvement on goodwill and phone calls."

The Norwegian Shipowners' Association called the deal "modest but useful", adding that it hoped the notification system would be simple to use and would not add to the paperwork burden on crews already working in harsh conditions.

Arctic shipping remains a small share of global trade. Cargo volumes on Russia's Northern Sea Route reached about 38 million tonnes last year, most of it liquefied natural gas and crude oil from projects on the Yamal peninsula, while Norwegian traffic is dominated by fishing vessels and coastal freight.

Environmental groups were more cautious. WWF said the accord was a positive step but noted that it did nothing to address the risks posed by ageing tankers operating in the region. "Better rescue coordination is welcome. Preventing the accident in the first place is better still," a spokesperson said.

Premiums for Arctic voyages are not expected to change immediately. Brokers said underwriters would want to see the notification centre working in practice before adjusting their rates.
""",
    ),
    dict(
        slug="container-freight-rates-fall-fourth-week",
        section="Markets",
        title=WIRE_TITLE,
        author=WIRE_AUTHOR,
        date="2026-11-26T15:00:00+01:00",
        summary=WIRE_SUMMARY,
        body=WIRE_BODY,
    ),
    dict(
        slug="rotterdam-port-strike-averted",
        section="Ports",
        title="Rotterdam port strike averted after late-night pay deal for lashing crews",
        author="Pieter de Vries",
        date="2026-11-23T07:15:00+01:00",
        summary=(
            "A strike that threatened to halt container handling at Europe\u2019s largest port has been "
            "called off after unions and terminal operators agreed a two-year pay deal."
        ),
        body="""
A strike that threatened to halt container handling at Europe's largest port has been called off after unions and employers agreed a new pay deal in the early hours of Monday.

The agreement covers around 1,100 lashing workers at the Port of Rotterdam, who secure and release containers on board ships. Without them, vessels cannot be loaded or unloaded safely, and a 48-hour stoppage announced last week would have brought the main container terminals to a standstill.

Under the deal, lashers will receive pay rises of 4.5% next year and 3.5% in 2028, together with a one-off payment. Employers have also agreed that no worker will lose their job as a result of automation during the term of the agreement, a central demand of the FNV union.

"Our members wanted two things: a fair wage and a future," said Niels Bakker, a negotiator for FNV Havens. "This agreement gives them both."

A spokesperson for the employers said the deal was "expensive but necessary" and that reliability was essential for the port's reputation with shipping lines. Several carriers had warned customers of possible delays and had begun planning to divert ships to Antwerp and Hamburg.

The Port of Rotterdam Authority welcomed the outcome. It handles more than 13 million containers a year, and a strike would have added to congestion at a time when volumes are rising because of the return of Asia to Europe services to the Suez Canal route.

Members will vote on the agreement next week. Union officials said they expected it to be accepted by a clear majority.
""",
    ),
    dict(
        slug="lng-carrier-orders-hit-record",
        section="Shipping",
        title="LNG carrier orders hit record as Qatar and US export projects expand",
        author="Fiona MacLeod",
        date="2026-11-20T11:30:00+00:00",
        summary=(
            "Shipyards in South Korea and China have taken a record number of orders for liquefied "
            "natural gas carriers this year, driven by new export plants in Qatar and the US."
        ),
        body="""
Shipyards have taken orders for a record number of liquefied natural gas carriers this year, as new export plants in Qatar and the United States prepare to come into service over the next four years.

According to figures compiled by a shipbroker in London, 96 large LNG carriers have been ordered so far in 2026, beating the previous record set in 2022. Most of the orders have gone to South Korean yards, including HD Hyundai, Samsung Heavy Industries and Hanwha Ocean, although Chinese builders have been winning a growing share.

The orders are being driven by a wave of new export capacity. QatarEnergy is expanding its North Field project, while several plants on the US Gulf Coast, in Louisiana and Texas, have reached final investment decisions in the past two years. Each large project needs a fleet of dedicated ships to carry its output to buyers in Europe and Asia.

A typical new carrier costs about $250m and takes more than two years to build. Berths at the leading yards are booked well into 2029, and prices have risen steadily as a result.

"Owners are ordering now because they are afraid there will be no slots left later," said Grace Lim, an analyst who follows the gas shipping market. "The risk is that some of these ships arrive before the gas does."

Charter rates for LNG carriers are currently low, because a number of new ships have already been delivered while some export projects have been delayed. Older steam-powered vessels, which burn more fuel, are being sent for scrap in growing numbers.

The US is already the world's largest exporter of LNG, and its share is expected to rise further by the end of the decade.
""",
    ),
    dict(
        slug="council-approves-harbour-dredging-plan",
        section="Local",
        title="Council approves \u00a328m dredging plan to keep Kirkhaven harbour open to larger ships",
        author="Callum Munro",
        date="2026-11-24T18:10:00+00:00",
        summary=(
            "Councillors have approved a plan to deepen Kirkhaven\u2019s main channel so that larger "
            "ferries, cruise ships and offshore wind vessels can use the harbour at all states of the tide."
        ),
        body="""
Councillors have approved a £28m plan to deepen the main channel into Kirkhaven harbour, allowing larger ferries, cruise ships and offshore wind support vessels to use the port at all states of the tide.

The scheme, backed by 19 votes to four at a meeting of the full council on Tuesday, will remove around 400,000 cubic metres of sand and silt over two winters. The work is expected to begin next October, subject to a marine licence from the Marine Directorate of the Scottish Government.

The harbour master, Isla Grant, told councillors that the channel had been silting up faster than expected, and that some vessels already had to wait outside the harbour for the tide. "If we do nothing, we will be turning business away within five years," she said.

Supporters of the plan said it was essential if Kirkhaven was to win work from offshore wind farms being built off the north-east coast. Two developers have said they would base maintenance crews in the town if the harbour could take their larger service vessels.

Opponents raised concerns about the effect on a nearby seal colony and about where the dredged material would be disposed of. Officers said most of it would be used to protect an eroding stretch of beach south of the town, with the rest taken to a licensed site offshore.

The cost will be met by the council, the harbour trust and a grant from a national fund for port infrastructure. Harbour dues will rise by 3% from April to help repay the borrowing.

A public exhibition of the plans will be held in the harbour office next month.
""",
    ),
    dict(
        slug="russia-signals-return-to-arctic-science",
        section="Arctic",
        title="Russia signals readiness to resume Arctic scientific cooperation ahead of Vienna talks",
        author="Erik Solberg",
        date="2026-11-21T13:00:00+03:00",
        summary=(
            "Sergei Lavrov says Russia is ready to restart joint scientific work in the Arctic Council, "
            "days before talks with Norway on safety in the Barents Sea."
        ),
        body="""
Russia is ready to restart joint scientific work with other Arctic countries, its foreign minister, Sergei Lavrov, said on Saturday, days before talks with Norway on shipping safety in the Barents Sea are due to begin in Vienna.

Speaking at a news conference in Moscow, Mr Lavrov said research on climate, permafrost and sea ice was "in everyone's interest" and should not be held hostage to political disagreements. He said Russian scientists were prepared to share data with colleagues in Norway, Finland, Iceland and elsewhere.

Much of the practical work of the Arctic Council, which brings together the eight countries with territory in the Arctic, was paused in 2022. Some projects have since resumed in a limited form, conducted by written procedure and without Russian participation in meetings.

Researchers at the University of Tromsø said the gap in data from the Russian Arctic, which makes up about half of the region's coastline, had made it harder to track changes in permafrost and in the populations of fish and seabirds. "The ice does not care about borders, and neither do the animals," said Professor Liv Berg, a marine biologist.

Norwegian officials responded cautiously. A foreign ministry spokesperson in Oslo said Norway would "listen carefully" to any proposals, but that decisions on the council's work would be taken together with the other member states.

Mr Lavrov also confirmed that he would lead the Russian delegation at the Vienna talks, which are being hosted by the United Nations. He said he expected "a businesslike conversation" and did not rule out a signed agreement by the end of the week.

Asked whether Vladimir Putin had approved the negotiating position, Mr Lavrov said the president was "kept informed at every stage".
""",
    ),
    dict(
        slug="islands-ferry-operator-cuts-winter-sailings",
        section="Local",
        title="Islands ferry operator cuts winter sailings as two vessels go for refit",
        author="Callum Munro",
        date="2026-11-25T12:00:00+00:00",
        summary=(
            "CalMac is reducing sailings to several Hebridean islands over the winter while two of its "
            "older ferries are in dry dock."
        ),
        body="""
Island communities in the Hebrides face reduced ferry services this winter after the operator CalMac confirmed that two of its older vessels would be out of service for refits at the same time.

The company said sailings between Oban and Mull would be cut from seven to five return trips a day from early January, while the service to Coll and Tiree would run on four days a week instead of six. Changes to the Islay timetable will also be made for about five weeks.

CalMac said the refits had been delayed from the autumn because of a shortage of dry dock space and could not be postponed any further without putting the ships' safety certificates at risk. "We know how much people rely on these services, and we are sorry for the disruption," a spokesperson said.

Community groups said they were frustrated. "Every winter it is the same story," said Morag Macdonald, who chairs the Mull and Iona ferry committee. "Businesses plan around the timetable, hospital appointments are booked around it, and then it changes with a few weeks' notice."

The operator has been waiting for several new vessels, some of which have been delayed for years. Two new ferries built in Turkey have entered service this year, and the company said the situation would improve significantly once the rest of the order arrives.

The Scottish Government said it was investing record sums in ferries and harbours and that it would continue to work with CalMac to reduce disruption.

Passengers are being advised to check the revised timetable online before travelling.
""",
    ),
    dict(
        slug="floating-wind-projects-win-in-offshore-auction",
        section="Energy",
        title="Floating wind projects win big in latest UK offshore auction",
        author="Fiona MacLeod",
        date="2026-11-22T09:45:00+00:00",
        summary=(
            "Floating wind farms in the Celtic Sea and off Scotland have won contracts in the UK\u2019s "
            "latest renewable energy auction, a boost for ports hoping to assemble the giant turbines."
        ),
        body="""
Floating wind farms in the Celtic Sea and off the north of Scotland have won contracts in the UK's latest renewable energy auction, in what the industry described as a turning point for the technology.

The results, published by the Department for Energy Security and Net Zero, show that five floating projects with a combined capacity of 2.1 gigawatts were awarded contracts, alongside larger fixed-bottom schemes in the North Sea. Floating turbines sit on platforms anchored to the seabed and can be placed in deeper water than conventional designs.

The strike price for floating projects, the guaranteed price developers will receive for their electricity, was set at about £176 per megawatt hour, well above that for fixed-bottom wind but lower than many analysts had expected.

Developers including Equinor and RWE were among the winners. Equinor, which operates the world's first floating wind farm off Peterhead, said the results gave it "the confidence to build at scale".

Ports along the west coast have been waiting for the results. Building floating wind farms requires large quaysides where the platforms can be assembled before being towed out to sea, and several harbours, including Port Talbot and Milford Haven in Wales, have applied for government money to prepare.

"Today's auction is good news, but it only becomes jobs if the ports are ready," said Tom Evans, chief executive of a trade group representing British ports. "The next six months are critical."

The government said the auction would support investment of more than £20bn and help meet its target of a largely clean electricity system by 2030.
""",
    ),
    dict(
        slug="eu-and-uk-reach-north-sea-fishing-deal",
        section="Fishing",
        title="EU and UK reach deal on North Sea fishing quotas after marathon talks",
        author="Erik Solberg",
        date="2026-11-28T02:30:00+01:00",
        summary=(
            "Negotiators from the EU, the UK and Norway have agreed catch limits for shared North Sea stocks "
            "for next year after talks that ran through the night."
        ),
        body="""
Negotiators from the EU, the UK and Norway have agreed catch limits for next year on the fish stocks they share in the North Sea, after talks in Brussels that ran late into the night.

The agreement sets total allowable catches for species including cod, haddock, whiting, plaice and herring. The cod quota will rise by 8%, reflecting scientific advice that the stock has continued to recover, while the herring limit will be cut by 12%.

The UK's fisheries minister said the deal struck "the right balance between the health of our seas and the livelihoods of our fishing communities". The European Commission said it was a "responsible outcome" based on the advice of the International Council for the Exploration of the Sea, known as ICES.

Fishing leaders gave a mixed response. The Scottish Fishermen's Federation welcomed the increase in cod but said the herring cut would hit pelagic vessels in Shetland and the north-east hard. "Our skippers accept the science, but they need stability to plan," said its chief executive, Elspeth Reid.

Negotiations on mackerel, which is shared by a wider group of countries including Iceland and the Faroe Islands, remain unresolved. Scientists have warned for several years that the combined catch set by the different countries is well above the level they recommend.

The deal is the sixth set of annual negotiations between the EU and the UK since Britain left the bloc. Longer-term arrangements on access to each other's waters, agreed last year, were not part of this week's talks, although fishing organisations say they are still watching them closely.

Environmental groups said the agreement still allowed some stocks to be fished above sustainable levels.
""",
    ),
    dict(
        slug="panama-canal-lifts-draft-limits",
        section="Shipping",
        title="Panama Canal lifts draft limits as Gatun Lake recovers after wet season",
        author="Lucia Moreno",
        date="2026-11-24T08:00:00-05:00",
        summary=(
            "The Panama Canal Authority has raised the maximum draft for ships using its largest locks after "
            "heavy rain refilled the lake that feeds the waterway."
        ),
        body="""
The Panama Canal Authority has raised the maximum draft for ships using its largest locks, after a wet season with above-average rainfall refilled the lake that supplies the waterway with water.

From December 1, vessels using the Neopanamax locks will be able to sit up to 50 feet deep in the water, the maximum allowed under normal conditions. The authority had imposed lower limits during a drought two years ago, forcing ships to carry less cargo and reducing the number of daily transits.

Gatun Lake, the artificial reservoir at the heart of the canal, stood at 87.2 feet on Monday, close to its seasonal high. Every ship that passes through the locks uses millions of litres of fresh water from the lake, which is also the main source of drinking water for Panama City.

The authority's administrator said the canal was "in a strong position for the dry season" but warned that the country needed to secure new sources of water for the long term. A plan to build a reservoir on the Río Indio, west of the canal, is moving ahead despite opposition from some communities that would have to be relocated.

Shipping lines welcomed the change. Container services between Asia and the east coast of the US, which rely heavily on the canal, will be able to load more cargo per voyage. Carriers of liquefied petroleum gas and grain are also expected to benefit.

Transit numbers have recovered to about 36 a day, close to the level before the drought.
""",
    ),
    dict(
        slug="antwerp-begins-methanol-bunkering-trials",
        section="Energy",
        title="Antwerp-Bruges begins methanol bunkering trials for dual-fuel container ships",
        author="Pieter de Vries",
        date="2026-11-20T15:20:00+01:00",
        summary=(
            "The Belgian port has carried out its first ship-to-ship transfers of green methanol as shipping "
            "lines prepare for tighter emissions rules."
        ),
        body="""
The Port of Antwerp-Bruges has carried out its first ship-to-ship transfers of methanol made from renewable sources, as shipping lines prepare for stricter international rules on greenhouse gas emissions.

In two trials this week, a bunker vessel delivered around 1,000 tonnes of methanol to dual-fuel container ships berthed at the Deurganck dock. The operations were carried out under new safety procedures drawn up with the Belgian maritime authorities, including exclusion zones and continuous gas monitoring.

Methanol is one of several fuels being considered by the shipping industry as it tries to cut emissions. It is liquid at normal temperatures, which makes it easier to handle than ammonia or hydrogen, but it has less energy than conventional fuel oil, so ships need larger tanks.

Dozens of dual-fuel container ships are already in service or on order, led by Maersk, which has ordered more than 20 such vessels. However, supplies of methanol made from renewable electricity or biological waste remain scarce, and many of the ships still run on conventional fuel most of the time.

"We want to be ready before the demand arrives, not after," said Annelies Peeters, who leads the port's energy transition programme. "Trials like this show that it can be done safely and at scale."

The International Maritime Organization agreed last year on a framework that will put a price on emissions from large ships from 2028. Ports in Rotterdam, Singapore and Shanghai have also begun offering methanol bunkering.

Antwerp-Bruges plans to offer regular methanol supplies from next spring.
""",
    ),
    dict(
        slug="lifeboat-crews-rescue-fishermen-storm-isolde",
        section="Local",
        title="Lifeboat crews rescue four fishermen as Storm Isolde hits west coast",
        author="Callum Munro",
        date="2026-11-22T10:30:00+00:00",
        summary=(
            "Four men were rescued from a fishing boat that lost power off Barra as Storm Isolde brought "
            "severe gales to the west coast."
        ),
        body="""
Four fishermen were rescued from a boat that lost power off the island of Barra in the early hours of Sunday, as Storm Isolde brought severe gales and heavy seas to the west coast of Scotland.

The crew of the 18-metre trawler raised the alarm shortly after 2am, reporting that their engine had failed and they were drifting towards rocks about three miles west of the island. HM Coastguard sent the Barra lifeboat and a rescue helicopter from Stornoway.

The RNLI said its volunteers faced waves of up to eight metres and winds gusting to more than 70mph. The lifeboat managed to attach a tow line at the third attempt and brought the vessel into the shelter of Castlebay harbour shortly before dawn.

"It was as bad as anything we've been out in," said the lifeboat coxswain, Donald MacNeil. "The fishermen did everything right: they called early, they wore their lifejackets and they kept calm. That makes our job possible."

None of the four men required hospital treatment. The trawler's owner thanked the lifeboat crew and the coastguard for what he called "a brave and skilful rescue".

Elsewhere, ferry services across the west coast were cancelled for most of Sunday, and roads on Tiree and Coll were closed by fallen power lines. SSEN, the electricity network operator in the north of Scotland, said around 6,000 homes had lost power.

Forecasters expect winds to ease by Monday, but warned of snow on higher ground as colder air follows the storm.
""",
    ),
    dict(
        slug="shipyard-to-hire-600-apprentices",
        section="Industry",
        title="Clyde shipyard to hire 600 apprentices as frigate orders fill its order book",
        author="Erik Solberg",
        date="2026-11-26T09:00:00+00:00",
        summary=(
            "BAE Systems says it will take on 600 apprentices at its Glasgow yards over three years to "
            "deliver frigates for the Royal Navy and Norway."
        ),
        body="""
BAE Systems plans to take on 600 apprentices at its shipyards on the River Clyde over the next three years, as it works through a growing order book for frigates for the Royal Navy and for Norway.

The company said the recruitment would be the largest at the Govan and Scotstoun yards for a generation. Apprentices will train as welders, electricians, pipefitters and engineers, with about a third expected to come from outside Glasgow.

The yards are building eight Type 26 anti-submarine frigates for the Royal Navy, the first of which is expected to enter service next year. Last year, Norway chose the same design for its own new frigates, a decision that the UK government described as the country's largest warship export deal in decades.

"Glasgow has built ships for almost two centuries, and these orders mean it will keep doing so for decades to come," said the yards' managing director, Karen Henderson. "But we need people, and we need to train them now."

Trade unions welcomed the announcement but warned that housing and transport in the area would need to improve if the yards were to attract young workers. The GMB said some apprentices were travelling more than two hours a day to reach the site.

The announcement comes amid a wider debate about Britain's shipbuilding capacity. Babcock's yard at Rosyth in Fife is building five Type 31 frigates, and the government has said it wants more naval and commercial ships to be built in the UK.

Applications for the first intake of 200 apprentices will open in January.
""",
    ),
    dict(
        slug="cruise-calls-set-record-at-kirkhaven",
        section="Local",
        title="Cruise calls set record as Kirkhaven welcomes 180,000 passengers",
        author="Callum Munro",
        date="2026-11-27T11:00:00+00:00",
        summary=(
            "Kirkhaven harbour has had its busiest cruise season on record, but some residents say the town "
            "is struggling to cope on the busiest days."
        ),
        body="""
Kirkhaven harbour has had its busiest cruise season on record, with 112 ship calls bringing an estimated 180,000 passengers to the town between April and October.

Figures released by the harbour trust show that passenger numbers were up by almost a quarter on last year. The largest ship to visit, carrying more than 4,000 passengers, called three times during the summer and anchored in the bay while passengers were brought ashore by tender.

Local businesses said the visitors had given the town's economy a welcome boost. A survey by the chamber of commerce suggested that cruise passengers spent an average of £62 each on shore, mostly on tours, food and souvenirs. "On a good cruise day, we can take a week's money," said the owner of a café on the harbour front.

Not everyone is happy. Some residents say the narrow streets of the old town become overcrowded when two large ships are in port on the same day, and that buses and toilets cannot cope. A petition calling for a limit on the number of passengers per day has gathered more than 1,500 signatures.

The harbour trust said it would introduce a booking system next year to avoid more than one large ship arriving on the same day. It is also working with the council on a proposed visitor levy of £2 per cruise passenger, similar to schemes being considered in Orkney and elsewhere.

Bookings for next season already stand at 118 calls, suggesting the record will be broken again.
""",
    ),
]
