"""Hand-written articles for the Independent feed (16 items).

Each entry: slug, path (URL section path), section, title, author, date (RFC 3339 with the
offset used in the feed), summary, body (paragraphs separated by blank lines).
Optional: page_tz (offset the page writes the same instant in), nodate (page has no date at
all), graph (JSON-LD in "@graph" form).
"""

ARTICLES = [
    dict(
        slug="putin-endorses-barents-sea-safety-accord",
        path="news/world/europe",
        section="Europe",
        title="Putin endorses Barents Sea safety accord signed with Norway in Vienna",
        author="Harriet Cole",
        date="2026-11-28T06:00:00+00:00",
        page_tz="+03:00",
        summary=(
            "Vladimir Putin has signed a decree endorsing a UN-brokered maritime safety and fisheries "
            "accord with Norway, a day after the two countries\u2019 foreign ministers put their names "
            "to the text in Vienna."
        ),
        body="""
Vladimir Putin has signed a decree endorsing a maritime safety and fisheries accord with Norway, the Kremlin said early on Saturday, less than a day after the two countries' foreign ministers signed the document at a ceremony in Vienna.

The agreement, which diplomats have taken to calling the Barents Sea Accord, sets out shared rules for search-and-rescue operations, commits both sides to exchange data on fish stocks and creates a joint notification system for vessels moving through the increasingly busy waters north of the two countries.

According to a short statement on the Kremlin website, Mr Putin approved the text on the recommendation of Foreign Minister Sergey Lavrov, who led the Russian delegation during three days of talks hosted by the United Nations in the Austrian capital.

Norway's foreign minister, Ingrid Halvorsen, described the signing as "a practical step that keeps fishermen and sailors safer, whatever else divides us". She said the accord would be put before the Storting, Norway's parliament, early in the new year.

The UN special envoy who chaired the talks, Marisol Ortega, said the deal showed that "technical cooperation at sea can survive even in difficult political weather". Her office said the International Maritime Organization would help to set up the joint notification centre, which is expected to be based in Tromsø.

Putin has rarely put his name to new agreements with members of NATO in recent years, and analysts cautioned against reading too much into the move. "This is narrow and practical by design," said Anders Lunde, a researcher at the Nordic Institute for Maritime Affairs in Oslo. "Neither side has given anything away on the questions that really divide them."

In the decree, President Putin instructed the government to name a coordinating ministry within 30 days. Officials in Moscow said the transport ministry was the most likely choice, given its existing responsibility for the Northern Sea Route.

Traffic through the region has grown steadily as the sea ice retreats earlier each summer. Norwegian coastguard figures show more than 1,400 commercial transits of the Barents Sea last year, almost double the number recorded a decade ago.
""",
    ),
    dict(
        slug="lavrov-arrives-in-vienna-for-arctic-talks",
        path="news/world/europe",
        section="Europe",
        title="Lavrov arrives in Vienna as Russia and Norway open UN-hosted Arctic talks",
        author="Tomasz Nowak",
        date="2026-11-25T09:40:00+01:00",
        summary=(
            "Sergey Lavrov has arrived in the Austrian capital for talks on shipping safety and fisheries "
            "in the Barents Sea, the first direct negotiations of their kind between the two neighbours "
            "in several years."
        ),
        body="""
Russia's foreign minister, Sergey Lavrov, arrived in Vienna on Tuesday evening ahead of United Nations-hosted talks with Norway on shipping safety and fisheries in the Barents Sea, the first direct negotiations of their kind between the two neighbours in several years.

The talks, which open on Wednesday at the UN's offices beside the Danube, are expected to last three days. Diplomats familiar with the preparations said a draft text covering search-and-rescue coordination and the exchange of fish stock data was "largely agreed", but that several points on the notification of vessel movements remained open.

Mr Lavrov did not speak to reporters at the airport. A foreign ministry spokeswoman in Moscow said the minister had been given "a clear mandate" by Vladimir Putin and that Russia was approaching the negotiations "in a constructive spirit".

Norway is represented by its foreign minister, Ingrid Halvorsen, who told the broadcaster NRK before leaving Oslo that the talks were "about fishermen, sailors and rescue crews, not about grand politics". She said Norway had kept its NATO allies fully informed at every stage.

The negotiations are being chaired by Marisol Ortega, a Chilean diplomat appointed earlier this year as the UN secretary-general's special envoy for maritime cooperation. Her office said the aim was a "practical, limited agreement that both sides can implement quickly".

Shipping traffic in the Barents Sea has risen sharply over the past decade as summer ice has retreated, and both countries have reported a rise in incidents involving fishing boats and cargo ships in bad weather. Rescue services on either side of the maritime border currently have no formal procedure for handing an operation over to their counterparts, a gap that officials on both sides have described as dangerous.

European Union officials said they would follow the talks closely. The EU, which is not a party to the negotiations, has long argued for a common framework for safety in Arctic waters and has funded research on oil spill response in the region.
""",
    ),
    dict(
        slug="chancellor-winter-plan-energy-bills",
        path="news/uk/politics",
        section="UK Politics",
        title="Bread & butter politics: Chancellor\u2019s winter plan targets household energy bills",
        author="Priya Raman",
        date="2026-11-24T11:15:00+00:00",
        summary=(
            "The Chancellor has set out a winter package of help with energy bills, including a "
            "temporary cut in standing charges & extra support for pensioners."
        ),
        body="""
The Chancellor has unveiled a package of measures designed to take the edge off household energy bills this winter, promising a temporary reduction in standing charges and a larger hardship fund for pensioners and families on low incomes.

Speaking at a community centre in Stockport, the Chancellor, Daniel Okafor, said the plan was "bread and butter politics: making sure people can heat their homes without lying awake worrying about the bill".

Under the proposals, standing charges on electricity and gas will be cut by around a fifth between January and March, with the cost met from general taxation rather than added to future bills. The Treasury estimates that the change will save a typical dual-fuel household about £45 over the three months.

A separate hardship fund, run by local councils, will be increased by £300m. Councils will be able to spend the money on direct grants, emergency boiler repairs and insulation for homes in the lowest energy-efficiency bands.

Opposition parties said the package did not go far enough. The shadow chancellor, Fiona Marsh, called it "a sticking plaster on a broken system" and urged the government to bring forward plans to change the way wholesale prices are passed on to consumers.

Consumer groups gave the plan a cautious welcome. The charity Energy Action UK said the standing charge cut would help households that use little energy but still face high fixed costs, a group that includes many older people living alone.

The energy regulator, Ofgem, is due to announce the next price cap in late February. Wholesale gas prices have eased in recent weeks, helped by mild weather across much of Europe and high storage levels in the EU, but analysts warn that a prolonged cold snap could quickly push them back up.
""",
    ),
    dict(
        slug="storm-isolde-batters-ireland-and-western-britain",
        path="news/uk/home-news",
        section="UK",
        title="Storm Isolde batters Ireland and western Britain with 90mph gusts",
        author="Gareth Evans",
        date="2026-11-22T07:30:00+00:00",
        nodate=True,
        summary=(
            "Tens of thousands of homes lost power and ferry crossings were cancelled as Storm Isolde "
            "swept in from the Atlantic overnight."
        ),
        body="""
Tens of thousands of homes across Ireland, Wales and south-west England were left without power on Sunday morning after Storm Isolde swept in from the Atlantic, bringing gusts of more than 90mph to exposed coasts.

The Met Office issued an amber wind warning for much of Wales and Cornwall until midday, warning of flying debris, large waves and a danger to life near the shore. Met Éireann had earlier placed counties Kerry, Clare and Galway under a red warning, its highest level.

The strongest gust recorded overnight was 94mph at Mace Head on the Galway coast. In Wales, a gust of 87mph was measured at Aberdaron on the Llŷn Peninsula.

Ferry operators cancelled sailings between Holyhead and Dublin and between Fishguard and Rosslare, and several railway lines in west Wales were closed while crews cleared fallen trees. Network Rail said it expected most routes to reopen by the evening.

ESB Networks, which runs Ireland's electricity distribution network, said about 85,000 customers had lost supply at the height of the storm. In Britain, around 40,000 properties were without power, most of them in Pembrokeshire and Cornwall.

There were no immediate reports of serious injuries, although coastguard teams were called to several incidents involving people who had gone to sea fronts to watch the waves. "Please stay back from the water's edge," a spokesperson for HM Coastguard said. "Conditions can change in seconds."

Forecasters said the storm would move away towards Scandinavia later on Sunday, with a calmer but noticeably colder spell to follow. Isolde is the fourth named storm of a season that began in September.
""",
    ),
    dict(
        slug="nato-expands-baltic-air-policing",
        path="news/world/europe",
        section="Europe",
        title="NATO defence ministers agree to expand air policing over Baltic states",
        author="Tomasz Nowak",
        date="2026-11-26T16:20:00+01:00",
        graph=True,
        summary=(
            "NATO defence ministers meeting in Brussels have agreed to add aircraft to the alliance\u2019s "
            "air policing mission over Estonia, Latvia and Lithuania."
        ),
        body="""
NATO defence ministers agreed on Thursday to increase the number of aircraft assigned to the alliance's air policing mission over Estonia, Latvia and Lithuania, in what officials described as a response to a rise in unannounced military flights near the Baltic states.

Speaking after the meeting in Brussels, NATO's secretary-general, Mark Rutte, said the extra jets would be drawn from a rotation of allies including Germany, Poland and the Netherlands, and would be in place by the spring. "This is about being ready, not about escalation," he told reporters.

Alliance figures show that jets assigned to the mission were scrambled more than 300 times this year to identify aircraft flying without transponders or flight plans, an increase of about a quarter on last year.

The US defence secretary, attending in person for the first time in several months, said Washington would contribute refuelling aircraft to support the patrols. Diplomats said the US presence in the room had been read as a signal of continued American commitment to the alliance's eastern flank.

Ministers also discussed the talks under way in Vienna between Russia and Norway on safety in the Barents Sea. Several said privately that a narrow agreement on search and rescue would be welcome, but that it would not change the alliance's wider assessment of Russia under Putin.

Baltic ministers welcomed the decision. Estonia's defence minister, Kaarel Tamm, said the move sent "a calm, clear message" and thanked allies for "turning words into aircraft".

The meeting also approved a plan to build up stocks of artillery ammunition, with members agreeing to share data on their production capacity for the first time. Details of the targets were not made public.
""",
    ),
    dict(
        slug="eu-sends-first-carbon-border-bills",
        path="news/business",
        section="Business",
        title="EU sends first carbon border bills to steel and cement importers",
        author="Sophie Laurent",
        date="2026-11-23T10:00:00+01:00",
        summary=(
            "Importers of steel, cement & aluminium into the EU have received their first invoices under "
            "the bloc\u2019s carbon border adjustment mechanism."
        ),
        body="""
Companies importing steel, cement and aluminium into the European Union have begun receiving their first bills under the bloc's carbon border adjustment mechanism, marking the start of a system designed to put a price on the emissions embedded in goods made outside Europe.

The European Commission said about 4,000 importers had registered for the scheme so far. The charges are based on the estimated emissions from producing the goods, minus any carbon price already paid in the country where they were made.

EU officials argue that the levy protects European producers, which already pay for their emissions under the Emissions Trading System, from being undercut by rivals in countries with looser rules. "Carbon should cost the same at the border as it does inside the single market," a Commission spokesperson said in Brussels.

Trading partners have been less enthusiastic. India and South Africa have raised the mechanism at the World Trade Organization, arguing that it amounts to a trade barrier, while officials in Beijing have said they are studying "appropriate responses".

In the UK, which is introducing its own version of the levy in 2027, manufacturers have urged the government to link the two systems to avoid goods being charged twice as they cross the Channel. The British Chambers of Commerce said exporters faced "a year of paperwork and uncertainty".

Early figures suggest the bills are modest for most firms, because European producers still receive a large share of their emissions allowances free of charge and the adjustment is scaled down to match. Analysts at a Brussels think tank estimated revenue in the first year at about €1.5bn, rising sharply as those free allowances are phased out.

Steelmakers including ArcelorMittal and Thyssenkrupp have welcomed the scheme but warned that European steel sold abroad still faces a disadvantage on world markets, where no equivalent adjustment applies.
""",
    ),
    dict(
        slug="amazon-nations-pledge-joint-patrols",
        path="news/world/americas",
        section="Americas",
        title="Amazon nations pledge joint patrols against illegal gold mining at Belém summit",
        author="Lucía Fernández",
        date="2026-11-21T15:45:00-05:00",
        summary=(
            "Eight Amazon countries have agreed to coordinate river patrols and share satellite data in "
            "an effort to tackle illegal gold mining in the rainforest."
        ),
        body="""
Eight countries that share the Amazon rainforest have agreed to coordinate river patrols and pool satellite data in a joint effort to tackle illegal gold mining, which has poisoned rivers with mercury and driven violence against indigenous communities.

The agreement was announced at the end of a two-day summit in Belém, the Brazilian city at the mouth of the Amazon, attended by ministers from Brazil, Bolivia, Colombia, Ecuador, Guyana, Peru, Suriname and Venezuela.

Under the plan, police and environmental agencies will be able to follow suspected mining barges across borders on major rivers, something that has until now required separate permission from each government. A shared monitoring centre in Manaus will process images from Brazilian and European satellites to spot new mining sites within days rather than months.

Brazil's environment minister, Camila Rocha, said the criminal networks behind the mines "do not stop at borders, so neither can we". She said the centre would begin operating in the first half of next year.

Researchers estimate that illegal mining has damaged tens of thousands of hectares of forest across the region. Studies of fish caught in affected rivers have found mercury levels well above the limits recommended by the World Health Organization, and indigenous leaders say the contamination has made traditional diets unsafe.

Representatives of indigenous organisations who attended the summit welcomed the pledge but said they wanted a formal role in the monitoring centre. "We are the ones who see the barges first," said Davi Kuikuro, a community leader from the upper Xingu.

The United Nations Environment Programme said it would provide technical support. Funding for the patrols will come partly from the Amazon Fund, which is backed by Norway and Germany.
""",
    ),
    dict(
        slug="japan-governing-coalition-holds-majority",
        path="news/world/asia",
        section="Asia",
        title="Japan\u2019s governing coalition holds on to majority in snap election",
        author="Mei Tanaka",
        date="2026-11-23T14:30:00+00:00",
        summary=(
            "Japan\u2019s governing coalition has kept its majority in the lower house after a snap "
            "election, although it lost more than a dozen seats to opposition parties."
        ),
        body="""
Japan's governing coalition has kept its majority in the lower house of parliament after a snap election, although it lost more than a dozen seats to opposition parties campaigning on the rising cost of living.

Results published by the public broadcaster NHK on Monday showed the Liberal Democratic Party and its coalition partner winning 248 of the 465 seats, down from 261 before parliament was dissolved last month. The largest opposition party, the Constitutional Democratic Party, gained 11 seats.

Prime Minister Hiroshi Kanda, who called the election barely a year after taking office, said the result was "a mandate to continue, and a warning to listen". He told a news conference in Tokyo that his government would present an extra budget before the end of the year, including subsidies for electricity and help for households with young children.

Turnout was 54.2%, slightly higher than at the previous general election. Polling stations in parts of Hokkaido opened late because of heavy snow, and officials extended voting hours in several districts.

Analysts said the loss of seats could make it harder for Mr Kanda to push through plans to increase defence spending, which some members of his own party want to fund through tax rises rather than borrowing.

The result was watched closely in Washington and Beijing. The US ambassador to Japan congratulated the prime minister on social media, while a Chinese foreign ministry spokesperson said Beijing hoped the new parliament would "contribute to stable relations".

The yen was little changed after the results, and the Nikkei 225 index ended Monday's session 0.4% higher.
""",
    ),
    dict(
        slug="late-equaliser-earns-arsenal-draw-with-bayern",
        path="sport/football",
        section="Football",
        title="Late equaliser earns Arsenal a draw against Bayern Munich in Champions League",
        author="Sam Whitaker",
        date="2026-11-25T22:40:00+00:00",
        summary=(
            "A header in the 88th minute rescued a point for Arsenal against Bayern Munich at the Emirates "
            "Stadium, keeping their hopes of a top-eight finish alive."
        ),
        body="""
A header two minutes from the end of normal time rescued a point for Arsenal against Bayern Munich at the Emirates Stadium on Wednesday night, keeping alive their hopes of finishing in the top eight of the Champions League table.

Bayern had led since the 54th minute, when a low shot from the edge of the area took a deflection and wrong-footed the Arsenal goalkeeper. The visitors were comfortable for long spells and might have added a second when a volley struck the crossbar with 20 minutes left.

Arsenal's manager made three changes in response, and the pressure eventually told. From a corner on the right, the substitute centre-back Tom Ashworth rose above his marker to head in at the near post, his first goal for the club.

"We didn't play our best football tonight, but the spirit was there," Ashworth said afterwards. "Against a team like that, you have to stay in the game long enough to get your chance."

Bayern's coach said his side had been "too passive" after taking the lead. "We controlled the match and we should have finished it," he told German television. "One set piece, and it's gone."

The result leaves Arsenal 11th in the 36-team league phase with two matches left, one point behind the automatic qualification places. Bayern remain fourth.

Arsenal return to Premier League action on Saturday with a trip to Newcastle, while Bayern host Borussia Dortmund in the Bundesliga.
""",
    ),
    dict(
        slug="bank-of-england-holds-rates",
        path="news/business",
        section="Business",
        title="Bank of England holds interest rates at 3.5% as inflation edges lower",
        author="Priya Raman",
        date="2026-11-26T12:05:00+00:00",
        nodate=True,
        summary=(
            "The Bank of England has left interest rates unchanged for a second meeting, saying it wants "
            "more evidence that inflation will settle at its 2% target."
        ),
        body="""
The Bank of England has left interest rates unchanged at 3.5% for a second consecutive meeting, saying it wanted more evidence that inflation would settle at its 2% target before cutting borrowing costs again.

The Monetary Policy Committee voted by six to three to hold rates, with the three dissenting members preferring a cut of a quarter of a percentage point. The split was wider than economists had expected and was taken by markets as a sign that a reduction early next year is likely.

Consumer price inflation in the UK fell to 2.6% in October, from 2.9% the month before, helped by lower petrol prices and smaller increases in food costs. Services inflation, which the Bank watches closely because it reflects wage pressures, remained stubborn at 4.1%.

In a statement, the governor, Andrew Bailey, said the committee had made "good progress" but that "the last part of the journey is often the hardest". He added that the Bank would look closely at pay settlements in the new year.

The pound dipped slightly against the dollar after the decision, while yields on two-year government bonds fell as traders increased bets on a cut in February.

Business groups urged the Bank to move sooner. The Confederation of British Industry said firms were holding back investment because of high borrowing costs, and that a cut "would give confidence when it is badly needed".

The decision came a week after the US Federal Reserve left its own rates on hold, and a day before the European Central Bank publishes its latest economic forecasts.
""",
    ),
    dict(
        slug="un-bonn-talks-loss-and-damage-rules",
        path="news/world",
        section="World",
        title="UN talks in Bonn agree draft rules for loss and damage fund payouts",
        author="Sophie Laurent",
        date="2026-11-20T17:00:00+01:00",
        summary=(
            "Negotiators at UN climate talks in Bonn have agreed draft rules for how a fund for countries "
            "hit by climate disasters will pay out its first grants."
        ),
        body="""
Negotiators at United Nations climate talks in Bonn have agreed draft rules for how a fund for countries hit by climate disasters will pay out its first grants, ending months of disagreement over who should be eligible and how quickly money should flow.

The fund, set up to help poorer nations recover from floods, droughts and storms linked to climate change, has so far received pledges of about $800m from more than 20 governments. It has not yet made a single payment.

Under the draft rules, countries will be able to apply for rapid grants of up to $20m within weeks of a disaster, with larger sums available for longer-term reconstruction. Small island states and the least developed countries will be guaranteed a minimum share of the money.

"This is the moment the fund stops being a promise and starts being a lifeline," said Mia Talbot, a negotiator for Barbados, which has pressed for faster payouts since a hurricane damaged much of its southern coast last year.

The UN secretary-general, António Guterres, welcomed the agreement but said the sums pledged were "a fraction of what is needed". Independent estimates suggest developing countries already face climate-related losses of hundreds of billions of dollars each year.

Some donor countries had resisted proposals to make the fund's support automatic once a disaster passes a certain threshold, preferring case-by-case decisions by its board. The compromise allows both routes.

The draft rules will be put to the fund's board for final approval at a meeting in Manila in February. Officials said the first payments could be made before the middle of next year.
""",
    ),
    dict(
        slug="astronomers-detect-water-vapour-rocky-exoplanet",
        path="news/science",
        section="Science",
        title="Astronomers detect water vapour in atmosphere of nearby rocky exoplanet",
        author="Oliver Grant",
        date="2026-11-24T16:00:00+00:00",
        summary=(
            "Observations with the James Webb Space Telescope suggest that a rocky planet 48 light years "
            "away has a thin atmosphere containing water vapour."
        ),
        body="""
Astronomers say they have found signs of water vapour in the atmosphere of a rocky planet orbiting a small star 48 light years from Earth, one of the strongest hints yet that such worlds can hold on to an atmosphere.

The planet, known as TOI-5821 b, is about 30% larger than Earth and circles a red dwarf star every 11 days. It was observed on four occasions by the James Webb Space Telescope, which measured how starlight filtered through the planet's atmosphere as it passed in front of its star.

The team, led by researchers at the University of Cambridge and the University of Geneva, reported that the pattern of light was best explained by a thin atmosphere containing water vapour and possibly carbon dioxide. Their findings have been submitted to a scientific journal and published as a preprint.

"Red dwarfs are violent stars, and many people expected their planets to be stripped bare," said Dr Naomi Price, one of the lead authors. "This one seems to have kept something. That tells us the story is more complicated than we thought."

Other astronomers urged caution. Signals from red dwarf stars can be distorted by cool spots on the star's surface, which can mimic the fingerprint of water. The team said it had modelled that effect carefully but agreed that further observations were needed.

The planet is too hot to have liquid water on its surface, with estimated temperatures of more than 200C on its day side. Its significance lies in what it suggests about similar planets further from their stars, where conditions could be milder.

NASA and the European Space Agency, which operate Webb together with the Canadian Space Agency, have allocated more observing time to the planet next year.
""",
    ),
    dict(
        slug="suez-canal-transits-highest-in-three-years",
        path="news/world/middle-east",
        section="Middle East",
        title="Suez Canal transits climb to highest level in three years",
        author="Layla Hassan",
        date="2026-11-27T09:10:00+00:00",
        summary=(
            "The number of ships passing through the Suez Canal has reached its highest weekly level in "
            "three years as container lines return to the Red Sea route."
        ),
        body="""
The number of ships passing through the Suez Canal has reached its highest weekly level in three years, as container lines return to the Red Sea route after a long period of diverting around southern Africa.

The Suez Canal Authority said 412 vessels used the waterway in the seven days to Thursday, compared with a weekly average of fewer than 250 for much of last year. Container ships accounted for most of the increase.

Egypt's government has been eager to see traffic recover. Canal revenues, an important source of foreign currency, fell by more than half during the period when attacks on merchant ships in the southern Red Sea pushed most large carriers to sail around the Cape of Good Hope instead.

The canal authority's chairman told reporters in Ismailia that revenue in November was on course to be the highest monthly total since early 2023. The authority has offered discounts of up to 15% on transit fees for some types of vessel to encourage shipping lines to come back.

Major carriers including Maersk and Hapag-Lloyd have announced that more of their Asia to Europe services will use the canal from January. Both said they would continue to monitor the security situation closely and would reroute ships if the risk increased.

The return of traffic has already had an effect on freight markets. Container rates between Asia and northern Europe have fallen for several weeks in a row, as the shorter journey frees up ships that had been tied up on the longer route.

Insurers said war risk premiums for Red Sea voyages had fallen but remained well above the levels seen before the disruption.
""",
    ),
    dict(
        slug="kenya-solar-mini-grids-reach-one-million-homes",
        path="news/world/africa",
        section="Africa",
        title="Kenya\u2019s solar mini-grids reach one million homes, says energy ministry",
        author="Amina Odhiambo",
        date="2026-11-21T09:00:00+03:00",
        summary=(
            "Kenya says solar mini-grids and home systems now supply power to a million households that "
            "are not connected to the national grid."
        ),
        body="""
Solar mini-grids and home solar systems now supply electricity to more than a million Kenyan households that are not connected to the national grid, the country's energy ministry has said.

The milestone was announced in Nairobi at a meeting of investors and development banks. Officials said the figure had doubled in four years, driven by falling prices for panels and batteries and by a programme that helps private companies build small local networks in remote counties.

Most of the new connections are in the north and east of the country, including Turkana, Marsabit and Garissa, where extending the main grid across long distances to scattered villages would be prohibitively expensive.

The energy secretary, Joyce Wambui, said the mini-grids were "bringing light to schools, refrigeration to clinics and power to small businesses that never had it before". She said the government aimed to give every household access to electricity by 2030.

The World Bank, which has provided loans for the programme, said Kenya's approach was being studied by other countries in the region, including Ethiopia and Tanzania. A bank official said the key had been clear rules on tariffs, which gave companies the confidence to invest.

Not all the news was positive. Some mini-grid operators say customers in poorer areas struggle to pay for more than basic lighting, which limits the amount of power they sell and makes it hard to cover costs. A survey by an industry association found that a third of operators were not yet profitable.

Kenya already generates most of its grid electricity from renewable sources, mainly geothermal plants in the Rift Valley and hydropower.
""",
    ),
    dict(
        slug="us-senate-passes-stopgap-spending-bill",
        path="news/world/americas/us-politics",
        section="US Politics",
        title="US Senate passes stopgap spending bill to avert government shutdown",
        author="Michael Torres",
        date="2026-11-20T23:30:00-05:00",
        summary=(
            "The US Senate has approved a short-term funding bill that keeps federal agencies open until "
            "late January, hours before a deadline."
        ),
        body="""
The US Senate has approved a short-term spending bill that keeps federal agencies funded until late January, averting a government shutdown with only hours to spare.

The measure passed by 71 votes to 27 late on Friday, after leaders of both parties agreed to drop a series of disputed amendments on border security and disaster relief. The House of Representatives approved the same bill earlier in the week.

The White House said President Donald Trump would sign the bill before the midnight deadline. Without it, hundreds of thousands of federal employees would have been sent home without pay and many public services would have been suspended over the Thanksgiving period.

The bill extends current funding levels until January 29 and includes additional money for wildfire recovery in California and for the Federal Aviation Administration, which had warned of staffing shortages among air traffic controllers during the holiday season.

Senators from both parties expressed frustration at the repeated use of temporary funding measures. "We keep kicking the can down the road, and the road keeps getting shorter," one Republican senator said on the chamber floor.

Negotiations on full-year spending bills are expected to resume in December. The main disagreements concern defence spending, which some members want to increase sharply, and cuts to domestic programmes proposed by the administration.

Financial markets took little notice of the vote, which had been widely expected. Ratings agencies have warned in the past that repeated shutdown threats could weigh on the US government's credit rating.
""",
    ),
    dict(
        slug="russia-wheat-exports-set-for-record",
        path="news/world/europe",
        section="Europe",
        title="Russia\u2019s wheat exports set for record as Black Sea shipments surge",
        author="Harriet Cole",
        date="2026-11-26T10:30:00+03:00",
        summary=(
            "Russia is on course to export a record amount of wheat this season after a large harvest, "
            "with Egypt and Turkey among the biggest buyers."
        ),
        body="""
Russia is on course to export a record amount of wheat this season after one of its largest harvests, with shipments from Black Sea ports running well ahead of last year's pace.

Analysts at the Moscow consultancy SovEcon raised their forecast for exports in the season that began in July to 53 million tonnes, which would be the highest ever. Shipments in November alone are expected to exceed 5 million tonnes.

Most of the grain leaves through Novorossiysk and smaller ports on the Sea of Azov. Egypt, Turkey, Saudi Arabia and Algeria are among the biggest buyers, and Russian wheat has also been gaining market share in parts of west Africa and south-east Asia.

Vladimir Putin said last month that agriculture had become "one of the pillars of the economy" and that Russia intended to remain the world's largest wheat exporter. The government has used a flexible export duty to keep domestic bread prices in check while allowing traders to sell abroad.

The strong Russian harvest has weighed on global wheat prices, which are close to their lowest level in five years. Farmers in the European Union and Ukraine have complained that low prices are squeezing their margins, and French growers have asked the European Commission for support.

Traders said the main risk to the forecast was the weather. Ports on the Black Sea are occasionally closed by winter storms, and a cold snap could slow loadings in December and January.

Russia's agriculture ministry said this year's grain crop would total about 140 million tonnes, including maize, barley and other cereals, and that stocks were sufficient to meet domestic needs.
""",
    ),
]
