"""Cards of the Daily8 "World" listing page, in page order.

kind "feed": the card shows an article that is also in a feed (outlet/slug name it) and links to
that article's canonical URL plus tracking parameters (`query`); `paras` is how many paragraphs of
the article the card shows (None = all). kind "own": card-only story with its own URL and text.
The page is taken to have been captured around 2026-11-28T12:00Z.
"""

CARDS = [
    dict(
        kind="feed",
        outlet_label="Independent",
        time="6 hours ago",
        feed_outlet="independent",
        slug="putin-endorses-barents-sea-safety-accord",
        query="utm_source=daily8&utm_medium=referral",
        paras=None,
    ),
    dict(
        kind="own",
        outlet_label="Telegraph",
        time="33 minutes ago",
        url="https://www.telegraph.co.uk/world-news/2026/11/28/barents-deal-small-that-is-why-it-matters/",
        title="Russia\u2019s Barents deal is small. That is exactly why it matters",
        text="""
Nobody in Oslo is pretending that a few pages on rescue procedures will thaw relations with Moscow. Yet the accord signed in Vienna, and endorsed within hours by Vladimir Putin, is the first new written agreement between Russia and a NATO member on Arctic matters for years, and it deserves more attention than it has received.

The text is modest. It tells rescue centres in Bodø and Murmansk who is in charge when a trawler goes down near the maritime border, and it asks larger ships to report where they are. It does not touch sanctions, military activity or the status of Svalbard.

That modesty is the point. Sergei Lavrov spent three days in Vienna negotiating something that both sides could sign without either claiming victory. If the notification centre in Troms\u00f8 works, it will give diplomats a rare example of a channel that delivers, and give Putin a reason to keep it open.
""",
    ),
    dict(
        kind="own",
        outlet_label="The Independent",
        time="an hour ago",
        url="https://www.independent.co.uk/news/world/europe/norway-fishermen-cautious-welcome-barents-accord.html",
        title="Norway\u2019s fishermen give cautious welcome to Arctic accord with Russia",
        text="""
Fishing communities in northern Norway have given a cautious welcome to the maritime safety accord signed with Russia in Vienna, saying shared rescue rules could save lives but that the real test would come in the first winter storm.

"When a boat is in trouble near the line, minutes matter," said a skipper from Honningsv\u00e5g, who has fished the Barents Sea for 30 years. Ingrid Halvorsen, the foreign minister, is due to visit Troms\u00f8 next week to explain the agreement to fishing organisations and coastguard staff.
""",
    ),
    dict(
        kind="own",
        outlet_label="Reuters",
        time="2 hours ago",
        url="https://www.reuters.com/world/russia-norway-share-barents-fish-stock-data-under-new-accord-2026-11-28/",
        title="Russia, Norway to share Barents fish stock data under new accord",
        text="""
Russia and Norway will exchange survey data on cod, haddock and capelin in the Barents Sea under an accord approved by President Vladimir Putin on Saturday, restoring a flow of scientific information that had been largely interrupted, officials from both countries said.

Foreign Minister Sergei Lavrov said the data-sharing arrangement would "serve fishermen on both sides". Scientists at Norway's Institute of Marine Research said joint surveys could resume as early as next winter, subject to approval by the Norwegian parliament.
""",
    ),
    dict(
        kind="feed",
        outlet_label="Harbour Times",
        time="yesterday",
        feed_outlet="harbourtimes",
        slug="marine-insurers-welcome-barents-sea-accord",
        query="fbclid=IwAR2kZx7Qm0hT9vLrB4sNcYd1EwPfGuJo3aXiHlKp8tVqS5yUbM6nCe",
        paras=4,
    ),
    dict(
        kind="own",
        outlet_label="The Independent",
        time="3 days ago",
        url="https://www.independent.co.uk/news/uk/home-news/storm-isolde-power-restored-clean-up.html",
        title="Storm Isolde: power restored to last homes as clean-up continues",
        text="""
Electricity has been restored to the last homes left without power by Storm Isolde, network operators said, three days after the storm brought gusts of more than 90mph to Ireland, Wales and south-west England.

Engineers worked through the night to repair lines brought down by falling trees in Pembrokeshire and Cornwall. Councils are still clearing debris from coastal roads, and a stretch of sea wall in Aberystwyth has been closed to the public while it is inspected for damage.

Insurers said early estimates put the cost of the storm at about \u00a3150m, mostly for damaged roofs, fences and vehicles.
""",
    ),
    dict(
        kind="own",
        outlet_label="Telegraph",
        time="45 minutes ago",
        url="https://www.telegraph.co.uk/world-news/2026/11/28/lavrov-hails-sober-arctic-deal-kremlin-signs-off/",
        title="Lavrov hails \u2018sober\u2019 Arctic deal as Kremlin signs off",
        text="""
Sergei Lavrov has described the Barents Sea accord as "a sober agreement between neighbours", after the Kremlin confirmed that Vladimir Putin had approved the text less than a day after it was signed in Vienna.

Speaking to Russian state television, the foreign minister said Moscow was ready to discuss "similar practical arrangements" with other Arctic states, though he gave no details. Western diplomats noted that the speed of Mr Putin's approval suggested the Kremlin had been keen to present the deal as a success at home.
""",
    ),
]
