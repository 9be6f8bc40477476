"""Listing-page families for bench/eval_cards.py: eleven kinds of aggregator and section-front markup,
written for this project (no page copied from a site), each page with its gold cards.

Each family renders the same kind of data (a headline, its link, the outlet as printed, a time as printed,
a teaser) in markup of its own, with the furniture real pages carry around cards (navigation, cookie
banners, ads and newsletter blocks shaped like cards, app prompts, footers). `FAMILIES` maps a name to
(page_url, html, gold), gold being a list of dicts: item_url, title, outlet (as printed, or None where the
page prints none: then the host's brand or nothing is right), minutes (before the capture, or None).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

CAPTURED = "2026-11-28T12:00:00Z"

# (outlet host, path, headline, outlet as printed, minutes ago, teaser)
POOL = [
    ("www.telegraph.co.uk", "/news/2026/11/28/trump-putin-call-progress/", "Trump says he made no progress "
     "with Putin in an hour-long call", "Telegraph", 33, "The president said the call with his Russian "
     "counterpart had left him disappointed about the war in Ukraine."),
    ("www.independent.co.uk", "/news/world/europe/norway-fishermen-barents-accord.html", "Norway's "
     "fishermen give cautious welcome to Arctic accord", "The Independent", 60, "Skippers in Tromso said "
     "the data-sharing deal could help them plan the winter season better."),
    ("www.reuters.com", "/world/europe/russia-norway-fish-data-2026-11-28/", "Russia and Norway to share "
     "Barents fish stock data under new accord", "Reuters", 120, "Scientists from both countries will "
     "exchange survey data on cod, haddock and capelin for the first time in years."),
    ("www.bbc.co.uk", "/news/world-europe-68123456", "Storm Isolde leaves thousands without power across "
     "the north", "BBC News", 180, "Engineers worked through the night to restore supplies to homes in "
     "remote coastal villages."),
    ("www.theguardian.com", "/world/2026/nov/28/taliban-russia-recognition", "Russia becomes first "
     "country to recognise the Taliban government", "The Guardian", 240, "Moscow accepted the credentials "
     "of a new Afghan ambassador, a step no other country has taken."),
    ("apnews.com", "/article/oil-prices-markets-opec-2026", "Oil prices fall for a third day as OPEC talks "
     "drag on", "AP", 15, "Brent crude slipped below seventy dollars a barrel as traders waited for a "
     "decision on output."),
    ("www.aljazeera.com", "/news/2026/11/28/gaza-aid-convoy-crossing", "Aid convoy crosses into Gaza "
     "after days of delay at the border", "Al Jazeera", 300, "Dozens of lorries carrying food and medicine "
     "entered the territory on Saturday morning."),
    ("www.npr.org", "/2026/11/28/nx-s1-5201/holiday-travel-record-airports", "Record numbers fly home for "
     "the holiday weekend as airports strain", "NPR", 45, "Airlines said the Sunday after the holiday "
     "would be the busiest day in their history."),
    ("www.dw.com", "/en/germany-coalition-budget-deal/a-70912345", "German coalition strikes late-night "
     "budget deal after weeks of wrangling", "DW", 400, "The agreement avoids a government shutdown but "
     "leaves the defence spending question open."),
    ("www.ft.com", "/content/4b1c2d3e-aaaa-bbbb-cccc-1234567890ab", "Shipping insurers raise Arctic "
     "premiums as traffic grows", "Financial Times", 90, "Underwriters say the number of transits through "
     "the Barents Sea has nearly doubled in a decade."),
    ("www.lemonde.fr", "/international/article/2026/11/28/sommet-climat-accord_6201_3210.html", "Climate "
     "summit ends with a deal on adaptation finance", "Le Monde", 720, "Negotiators agreed a new target "
     "for helping poorer countries cope with floods and droughts."),
    ("www.spiegel.de", "/ausland/ukraine-waffenstillstand-gespraeche-a-1234.html", "Ceasefire talks "
     "resume in Istanbul with new mediators", "Der Spiegel", 150, "Both delegations arrived on Friday "
     "evening, according to officials in Ankara."),
    ("elpais.com", "/internacional/2026-11-28/elecciones-chile-segunda-vuelta.html", "Chile heads to a "
     "runoff after a tight first round", "El Pais", 200, "The two leading candidates were separated by "
     "fewer than two percentage points."),
    ("www.nytimes.com", "/2026/11/28/world/asia/japan-earthquake-warning.html", "Japan lifts tsunami "
     "warning after strong earthquake off the coast", "The New York Times", 1440, "No serious damage was "
     "reported, but trains were halted for several hours."),
]


def cards(indices, **overrides) -> list[dict]:
    out = []
    for i in indices:
        host, path, title, outlet, minutes, teaser = POOL[i % len(POOL)]
        out.append({"url": f"https://{host}{path}", "host": host, "title": title, "outlet": outlet,
                    "minutes": minutes, "teaser": teaser, **overrides})
    return out


def ago(minutes: int, lang: str = "en") -> str:
    if lang == "de":
        return f"vor {minutes // 60} Stunden" if minutes >= 60 else f"vor {minutes} Minuten"
    if lang == "fr":
        return f"il y a {minutes // 60} heures" if minutes >= 60 else f"il y a {minutes} min"
    if lang == "es":
        return f"hace {minutes // 60} horas" if minutes >= 60 else f"hace {minutes} minutos"
    if minutes >= 1440:
        return "yesterday"
    if minutes >= 120:
        return f"{minutes // 60} hours ago"
    if minutes >= 60:
        return "1 hour ago"
    return f"{minutes} minutes ago"


def short(minutes: int) -> str:
    return f"{minutes // 1440}d" if minutes >= 1440 else f"{minutes // 60} hrs" if minutes >= 60 else f"{minutes}m"


def printed(minutes: int) -> int:
    """What a printed time means, as ago() and short() round it: whole hours from an hour, a day from a day."""
    return 1440 * (minutes // 1440) if minutes >= 1440 else minutes // 60 * 60 if minutes >= 60 else minutes


def gold(cs, outlet=True, minutes=True, exact=False) -> list[dict]:
    return [{"item_url": c["url"], "title": c["title"], "outlet": c["outlet"] if outlet else None,
             "minutes": (c["minutes"] if exact else printed(c["minutes"])) if minutes else None} for c in cs]


def shell(title: str, body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>{head}"
            "</head><body><div id='cookie-consent' role='dialog'><p>We use cookies to improve your experience "
            "on our site and to show you relevant advertising.</p><a href='/privacy/cookie-policy'>Read our "
            f"cookie policy here</a><button>Accept</button></div>{body}</body></html>")


NAV = ("<header><a href='/' class='logo'>Home</a><nav><ul><li><a href='/world'>World</a></li><li><a "
       "href='/business'>Business</a></li><li><a href='/topics/climate-and-environment-news'>Climate and "
       "environment news</a></li></ul></nav></header>")
FOOTER = ("<footer><ul><li><a href='/about/terms-of-service'>Terms of service and privacy</a></li><li><a "
          "href='/about/contact-the-newsroom'>Contact the newsroom team</a></li></ul></footer>")


def google_news_like():
    cs = cards(range(0, 9))
    clusters = []
    for k in range(0, 9, 3):
        lead, *related = cs[k:k + 3]
        items = [f"<article class='IBr9hb'><div class='vr1PYe'>{escape(c['outlet'])}</div><a class='gPFEn' "
                 f"href='{c['url']}'>{escape(c['title'])}</a><div class='UOVeFe'><time class='hvbAAd' "
                 f"datetime='x'>{ago(c['minutes'])}</time></div></article>" for c in (lead, *related)]
        clusters.append(f"<c-wiz class='PO9Zff'><div class='W8yrY'>{''.join(items)}<a class='jKHa4e' "
                        "href='/stories/full-coverage-cluster'>Full Coverage</a></div></c-wiz>")
    body = NAV + f"<main><h2>Top stories</h2>{''.join(clusters)}</main>" + FOOTER
    return "https://news.aggregator.example/topics/world", shell("Top stories", body), gold(cs)


def techmeme_like():
    cs = cards(range(3, 11))
    items = []
    for c in cs:
        items.append(
            f"<div class='clus'><div class='itc1'><div class='ii'><cite>Jane Reporter / <a href='https://"
            f"{c['host']}/'>{escape(c['outlet'])}</a>:</cite> <strong class='L2'><a class='ourh' "
            f"href='{c['url']}'>{escape(c['title'])}</a></strong> &mdash; {escape(c['teaser'])}</div>"
            "<div class='dbpt'>More: <a href='https://www.wired.com/story/x/'>Wired</a>, <a "
            "href='https://www.engadget.com/y.html'>Engadget</a></div></div></div>")
    body = ("<div id='topcol1'><div class='notice'><a href='/newsletter/daily-briefing'>Subscribe to our "
            f"daily briefing email</a></div>{''.join(items)}</div>" + FOOTER)
    return "https://techmeme.example/", shell("Techmeme-like", body), gold(cs, minutes=False)


def drudge_like():
    cs = cards(range(0, 12))
    links = "<br><br>".join(f"<a href='{c['url']}'>{escape(c['title'].upper() if n % 2 else c['title'])}</a>"
                            for n, c in enumerate(cs))
    body = (f"<center><img src='/logo.gif' alt='THE REPORT'></center><table><tr><td>{links}</td></tr></table>"
            "<center><a href='/archive/all-the-old-pages'>Archives of all the old pages</a></center>")
    return "https://report.example/", shell("THE REPORT", body), gold(
        [{**c, "title": c["title"].upper() if n % 2 else c["title"]} for n, c in enumerate(cs)], outlet=False,
        minutes=False)


def section_front():
    host = "www.harbourtimes.example"
    cs = [{"url": f"https://{host}/business/2026/11/28/{n}-story", "host": host, "title": c["title"],
           "outlet": None, "minutes": c["minutes"], "teaser": c["teaser"]} for n, c in enumerate(cards(range(9)))]
    items = "".join(
        f"<div class='teaser'><a href='{c['url']}'><img src='/img/{n}.jpg' alt=''></a><h2 class='teaser__hed'>"
        f"<a href='{c['url'].replace('https://' + host, '')}'>{escape(c['title'])}</a></h2><p "
        f"class='teaser__dek'>{escape(c['teaser'])}</p><span class='byline'>By Kari Nordmann</span> <span "
        f"class='ts'>{short(c['minutes']) if n % 3 else 'Just now'}</span></div>" for n, c in enumerate(cs))
    for n, c in enumerate(cs):
        if not n % 3:
            c["minutes"] = 0
    body = NAV + f"<main><h1>Business</h1><section class='grid'>{items}</section></main>" + FOOTER
    return f"https://{host}/business/", shell("Business | Harbour Times", body), gold(cs)


def logo_alt():
    cs = cards(range(2, 10))
    items = "".join(
        f"<li class='r'><a href='{c['url']}'><span class='h'>{escape(c['title'])}</span></a><div class='m'>"
        f"<img class='src-logo' src='/logos/{c['host']}.svg' alt='{escape(c['outlet'])}'><em>"
        f"{ago(c['minutes'])}</em></div></li>" for c in cs)
    body = NAV + f"<main><ol class='feed'>{items}</ol></main>" + FOOTER
    return "https://logos.aggregator.example/latest", shell("Latest", body), gold(cs)


def no_times():
    cs = cards(range(4, 14))
    items = "".join(f"<div class='row'><span class='pub'>{escape(c['outlet'])}</span><h4><a href='{c['url']}'>"
                    f"{escape(c['title'])}</a></h4></div>" for c in cs)
    body = NAV + f"<div class='rows'>{items}</div>" + FOOTER
    return "https://notimes.example/", shell("Headlines", body), gold(cs, minutes=False)


def next_data():
    cs = cards(range(1, 11))
    state = {"props": {"pageProps": {"initialState": {"feed": {"items": [
        {"id": n, "headline": c["title"], "link": c["url"], "publisher": {"name": c["outlet"]},
         "timeAgo": ago(c["minutes"]), "summary": c["teaser"]} for n, c in enumerate(cs)]}},
        "nav": [{"label": "World", "href": "/world"}, {"label": "Business", "href": "/business"}]}},
        "page": "/", "buildId": "abc123"}
    body = (f"<div id='__next'><div class='skeleton'>Loading…</div></div><script id='__NEXT_DATA__' "
            f"type='application/json'>{escape(json.dumps(state), quote=False)}</script>")
    return "https://react.aggregator.example/", shell("Feed", body), gold(cs)


def itemlist_jsonld():
    cs = cards(range(5, 13))
    data = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": n + 1, "url": c["url"], "item": {
            "@type": "NewsArticle", "headline": c["title"], "url": c["url"],
            "publisher": {"@type": "Organization", "name": c["outlet"]},
            "datePublished": f"2026-11-28T{(720 - c['minutes']) // 60 % 24:02d}:{(720 - c['minutes']) % 60:02d}:00Z"
            if c["minutes"] < 720 else "2026-11-27T12:00:00Z"}} for n, c in enumerate(cs)]}
    for c in cs:
        c["minutes"] = c["minutes"] if c["minutes"] < 720 else 1440
    body = NAV + "<main><p>Enable JavaScript to see the list.</p></main>" + FOOTER
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    return "https://ld.aggregator.example/list", shell("List", body, head), gold(cs, exact=True)


def ads_newsletter():
    cs = cards(range(6, 14))
    blocks = []
    for n, c in enumerate(cs):
        blocks.append(f"<div class='tile'><a href='{c['url']}'><img src='/t/{n}.jpg' alt=''></a><h3><a "
                      f"href='{c['url']}'>{escape(c['title'])}</a></h3><p>{escape(c['teaser'])}</p><div "
                      f"class='tile-meta'>{escape(c['outlet'])} · {ago(c['minutes'])}</div></div>")
        if n == 2:
            blocks.append("<div class='tile'><a href='https://ads.tracker.example/click?id=9'><img src='/ad.jpg' "
                          "alt=''></a><h3><a href='https://ads.tracker.example/click?id=9'>These winter boots "
                          "are selling out fast this year</a></h3><p>Shop the styles everyone is talking about "
                          "before they are gone for good.</p><div class='tile-meta'>Sponsored</div></div>")
        if n == 5:
            blocks.append("<div class='tile'><a href='/newsletters/morning'><img src='/nl.jpg' alt=''></a><h3><a "
                          "href='/newsletters/morning'>Start your day with the morning briefing</a></h3><p>The "
                          "stories that matter, in your inbox before breakfast every weekday.</p><form><input "
                          "type='email' placeholder='Email'><button>Sign up</button></form></div>")
    blocks.append("<div class='tile'><a href='https://apps.example/get-the-app'><img src='/app.jpg' alt=''></a>"
                  "<h3><a href='https://apps.example/get-the-app'>Download the app for breaking news alerts</a>"
                  "</h3></div>")
    body = NAV + f"<main><div class='tiles'>{''.join(blocks)}</div></main>" + FOOTER
    return "https://tiles.aggregator.example/", shell("Tiles", body), gold(cs)


def multilingual():
    cs = cards(range(0, 9))
    langs = ["de", "fr", "es"]
    items = "".join(f"<article><h3><a href='{c['url']}'>{escape(c['title'])}</a></h3><footer class='info'>"
                    f"<span>{escape(c['outlet'])}</span> <span>{ago(c['minutes'], langs[n % 3])}</span></footer>"
                    "</article>" for n, c in enumerate(cs))
    body = NAV + f"<main>{items}</main>" + FOOTER
    return "https://europa.aggregator.example/", shell("Nachrichten", body), gold(cs)


def seed_unfamiliar(fixture: str):
    html = Path(fixture).read_text(encoding="utf-8")
    return "https://daily8.example/news/russia-recognises-taliban", html, [
        {"item_url": "https://daily8.example/news/russia-recognises-taliban", "title": "Russia becomes first "
         "country to recognise Taliban's rule in Afghanistan", "outlet": "Independent", "minutes": 360},
        {"item_url": "https://www.telegraph.co.uk/news/2026/11/28/trump-act-now-putin/", "title": "Trump "
         "needs to act now. Putin won't stop", "outlet": "Telegraph", "minutes": 33},
        {"item_url": "https://www.independent.co.uk/news/world/russia-taliban-recognition.html", "title":
         "Russia recognises Taliban government in first for the group", "outlet": "The Independent",
         "minutes": 60},
        {"item_url": "https://www.telegraph.co.uk/world-news/2026/11/28/lavrov-kabul/", "title": "Lavrov says "
         "Kabul embassy will reopen within weeks", "outlet": "Telegraph", "minutes": 60},
    ]


BUILDERS = {
    "google_news_like": google_news_like, "techmeme_like": techmeme_like, "drudge_like": drudge_like,
    "section_front": section_front, "logo_alt": logo_alt, "no_times": no_times, "next_data": next_data,
    "itemlist_jsonld": itemlist_jsonld, "ads_newsletter": ads_newsletter, "multilingual": multilingual,
}
