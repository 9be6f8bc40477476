"""Hand-written material for the dedup/story-grouping evaluation set.

Holds the outlet pool, the outlet boilerplate blocks, the small phrase lists
used by the light-edit generator, and a parser for the event stories kept in
stories_1.py .. stories_4.py.  Everything here is invented for the benchmark.
Standard library only.
"""

import re

import stories_1
import stories_2
import stories_3
import stories_4

WIRE_AGENCY = "Allied Newswire"

# name -> domain, URL style, a short "local" phrase used by the local-intro edit
OUTLETS = {
    "Harbour Times": {"domain": "harbourtimes.example", "style": "date", "local": "in Harbourside"},
    "Northern Courier": {"domain": "northerncourier.example", "style": "news", "local": "across the north"},
    "The Daily Ledger": {"domain": "dailyledger.example", "style": "section", "local": "in Easton"},
    "Metro Dispatch": {"domain": "metrodispatch.example", "style": "date", "local": "in the city"},
    "Valley Gazette": {"domain": "valleygazette.example", "style": "news", "local": "in the valley"},
    "Coastline Post": {"domain": "coastlinepost.example", "style": "section", "local": "along the coast"},
    "Capital Observer": {"domain": "capitalobserver.example", "style": "date", "local": "in the capital"},
    "Riverside Chronicle": {"domain": "riversidechronicle.example", "style": "news", "local": "in Riverside"},
    "Continental Herald": {"domain": "continentalherald.example", "style": "section", "local": "across Europe"},
    "Pulse News": {"domain": "pulsenews.example", "style": "article", "local": "among our readers"},
}

# URL section per cluster (used by the "section" URL style)
SECTIONS = {
    "storm": "world", "quake": "world", "minister": "politics", "mayor": "local",
    "football": "sport", "marathon": "sport", "rate": "business", "tech": "technology",
    "ferry": "news", "port": "news", "outbreak": "health", "launch": "science",
}

# Broad topic family per cluster. "unrelated" and boilerplate pairs are drawn
# only from clusters in different families.
FAMILIES = {
    "storm": "disaster", "quake": "disaster", "ferry": "maritime", "port": "maritime",
    "football": "sport", "marathon": "sport", "rate": "business", "tech": "business",
    "minister": "politics", "mayor": "politics", "outbreak": "health", "launch": "science",
}

# Long recurring blocks appended by five outlets to their short briefs.
BOILERPLATE = {
    "Harbour Times": ("newsletter sign-up", [
        "Never miss a story from the waterfront. The Harbour Times Morning Tide newsletter lands in your inbox at 7am every weekday with the day's most important local news, shipping and weather updates, the latest from the council chamber and a hand-picked selection of features from our reporters. Signing up is free and takes less than a minute: visit our newsletters page, enter your email address and choose the editions you want.",
        "You can unsubscribe at any time using the link at the bottom of every email. We will never sell your details to third parties, and you can read more about how we handle your information in our privacy notice. Have a story for us? Contact the newsdesk in confidence through the form on our website.",
    ]),
    "Valley Gazette": ("corrections and complaints notice", [
        "The Valley Gazette is committed to accuracy and fairness. If you believe we have made an error of fact in this or any other article, please contact our readers' editor with the headline, the date of publication and a short explanation of the problem. We aim to respond to every complaint within five working days, and significant corrections are published on page two of the print edition and at the foot of the original article online.",
        "The Valley Gazette is a member of the independent press standards body and follows its editors' code of practice. If you are not satisfied with our response, you may refer your complaint to the regulator, whose contact details are available on our complaints page.",
    ]),
    "Capital Observer": ("legal and affiliate disclaimer", [
        "This article is provided for general information only. Nothing in it should be taken as financial, legal or medical advice, and readers should seek professional guidance before making decisions based on its contents. The Capital Observer accepts no liability for losses arising from reliance on the information published here, which was believed to be accurate at the time of publication but may have since changed.",
        "Some links on this page may be affiliate links, which means the Capital Observer may receive a small commission if you make a purchase, at no extra cost to you. Our journalists choose what to cover independently, and commercial partners have no influence over our editorial decisions.",
    ]),
    "Metro Dispatch": ("reader-funding appeal", [
        "Metro Dispatch is funded by its readers. Good local journalism takes time, money and people who are prepared to sit through long council meetings, knock on doors and check every figure twice. Advertising alone no longer pays for that work, and we rely on the support of readers like you to keep our reporters on the streets of this city.",
        "If you value what we do, please consider becoming a member from as little as 3 euros a month. Members get unlimited access to our website and app, an ad-free reading experience, and invitations to our regular events with the newsroom. You can cancel at any time.",
    ]),
    "Pulse News": ("comments policy and app promotion", [
        "Comments on this article have been closed. At Pulse News we want our comment sections to be a place for lively but respectful discussion, and moderators remove posts that contain personal attacks, hate speech, spam or unverified claims about named individuals. Repeated breaches of our community guidelines may result in an account being suspended without warning.",
        "Download the Pulse News app for breaking news alerts, live coverage of major events and a personalised feed of the topics you care about. The app is free on all major platforms, and you can manage your notification settings at any time from the account menu.",
    ]),
}

# Sentences an outlet may put in front of a wire story ("{local}" from OUTLETS).
LOCAL_INTROS = [
    "The story is being followed closely {local}.",
    "Readers {local} have been asking about this story since it broke.",
    "It is a development that is likely to be discussed {local} this week.",
    "We are carrying the latest agency report because of strong interest {local}.",
]

REPORTERS = [
    "Ana Costa", "Mark Hollis", "Ruth Adeyemi", "Tobias Lind", "Clara Moreau",
    "Samir Haddou", "Niamh Byrne", "Jonas Weber", "Leila Farouk", "Owen Pritchard",
]

# British -> American spellings (whole lowercase words only, so names survive).
UK_US = {
    "centre": "center", "centres": "centers", "metre": "meter", "metres": "meters",
    "kilometre": "kilometer", "kilometres": "kilometers", "litres": "liters",
    "programme": "program", "programmes": "programs", "labour": "labor",
    "neighbour": "neighbor", "neighbours": "neighbors", "neighbouring": "neighboring",
    "neighbourhood": "neighborhood", "harbour": "harbor", "defence": "defense",
    "licence": "license", "licences": "licenses", "sceptical": "skeptical",
    "organisations": "organizations", "organised": "organized", "organisers": "organizers",
    "apologised": "apologized", "travellers": "travelers", "diarrhoea": "diarrhea",
    "per cent": "percent", "towards": "toward", "smouldered": "smoldered",
    "ageing": "aging", "personalised": "personalized", "pencilled": "penciled",
    "tonnes": "metric tons", "enrol": "enroll", "mould": "mold",
}


def _parse(raw):
    events, articles = {}, []
    blocks = re.split(r"^@", raw.strip(), flags=re.M)
    for block in blocks:
        if not block.strip():
            continue
        head, _, rest = block.partition("\n")
        kind, *ids = head.split()
        header_text, _, body_text = rest.strip("\n").partition("\n\n")
        header = {}
        for line in header_text.splitlines():
            key, _, val = line.partition(":")
            key = key.strip()
            if key == "alt":
                header.setdefault("alts", []).append(val.strip())
            else:
                header[key] = val.strip()
        if kind == "event":
            header["id"] = ids[0]
            events[ids[0]] = header
        elif kind == "article":
            paras = [" ".join(p.split()) for p in body_text.split("\n\n") if p.strip()]
            header.update(event=ids[0], role=ids[1], id=f"{ids[0]}.{ids[1]}", paras=paras)
            header.setdefault("alts", [])
            articles.append(header)
        else:
            raise ValueError(f"unknown block type {kind!r}")
    return events, articles


def load():
    """Return (events, articles) parsed from all story modules, in file order."""
    events, articles = {}, []
    for mod in (stories_1, stories_2, stories_3, stories_4):
        ev, ar = _parse(mod.RAW)
        events.update(ev)
        articles.extend(ar)
    for art in articles:
        ev = events[art["event"]]
        art["cluster"] = ev["cluster"]
        if art["outlet"] not in OUTLETS:
            raise ValueError(f"{art['id']}: unknown outlet {art['outlet']}")
    return events, articles


# Labels of each kind of pair: (near_duplicate, same_story).
LABELS = {
    "wire_exact": (True, True),
    "wire_light_edit": (True, True),
    "wire_heavy_trim": (True, True),
    "same_event_independent": (False, True),
    "same_event_follow_up": (False, True),
    "hard_negative_same_topic": (False, False),
    "hard_negative_boilerplate": (False, False),
    "unrelated": (False, False),
}
