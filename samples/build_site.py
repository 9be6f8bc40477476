#!/usr/bin/env python3
"""Regenerate the bundled sample news site under samples/site/ from the prose in samples/corpus/.

    python samples/build_site.py           # rewrite samples/site/ (deletes and recreates it)
    python samples/build_site.py --check   # rebuild, then validate feeds, pages and the listing

Output is deterministic: same corpus in, byte-identical files out. Only the standard library is used.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep samples/ free of __pycache__

from corpus import daily8, harbourtimes, independent, northerncourier  # noqa: E402

OUTLETS = {
    "independent": dict(
        name="The Independent",
        home="https://www.independent.co.uk/",
        image_base="https://static.independent.co.uk/images/",
        feed="rss.xml",
        guid_prefix="indep-",
        articles=independent.ARTICLES,
    ),
    "harbourtimes": dict(
        name="Harbour Times",
        home="https://www.harbourtimes.example/",
        image_base="https://www.harbourtimes.example/images/",
        feed="atom.xml",
        articles=harbourtimes.ARTICLES,
    ),
    "northerncourier": dict(
        name="Northern Courier",
        home="https://www.northerncourier.example/",
        image_base="https://www.northerncourier.example/images/",
        feed="rss.xml",
        guid_prefix="ncourier-",
        articles=northerncourier.ARTICLES,
    ),
}

LATEST = datetime(2026, 11, 28, 6, 0, tzinfo=timezone.utc)

NAV = "Home · World · UK · Politics · Business · Sport · Subscribe · Log in"


# ---------------------------------------------------------------- helpers


def parse_offset(text: str) -> timezone:
    sign = -1 if text.startswith("-") else 1
    hh, mm = text.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hh), minutes=int(mm)))


def iso(dt: datetime) -> str:
    return dt.isoformat()


def human(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    if off == timedelta(0):
        label = "GMT"
    else:
        total = int(off.total_seconds() // 60)
        sign = "+" if total >= 0 else "-"
        label = f"UTC{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return f"{dt:%A} {dt.day} {dt:%B %Y}, {dt:%H:%M} {label}"


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()]


def t(s: str) -> str:
    """HTML text node."""
    return html.escape(s, quote=False)


def a(s: str) -> str:
    """HTML attribute value."""
    return html.escape(s, quote=True)


def rss_text(s: str) -> str:
    """XML text for RSS: escaped, with the right single quote written as a numeric reference."""
    return xml_escape(s).replace("\u2019", "&#8217;")


def canonical(outlet: str, art: dict) -> str:
    if outlet == "independent":
        return f"https://www.independent.co.uk/{art['path']}/{art['slug']}.html"
    if outlet == "harbourtimes":
        d = art["published"]
        return f"https://www.harbourtimes.example/{d:%Y}/{d:%m}/{d:%d}/{art['slug']}"
    return f"https://www.northerncourier.example/news/{art['slug']}"


def prepare() -> None:
    """Add computed fields: published/modified datetimes, page datetimes, canonical, image."""
    for outlet, cfg in OUTLETS.items():
        for i, art in enumerate(cfg["articles"]):
            art["published"] = datetime.fromisoformat(art["date"])
            art["modified"] = art["published"] + timedelta(minutes=(i * 17) % 120)
            if art["modified"] > LATEST:  # nothing in the corpus is stamped after 2026-11-28T06:00Z
                art["modified"] = max(art["published"], LATEST.astimezone(art["published"].tzinfo))
            tz = parse_offset(art["page_tz"]) if art.get("page_tz") else art["published"].tzinfo
            art["page_published"] = art["published"].astimezone(tz)
            art["page_modified"] = art["modified"].astimezone(tz)
            art["canonical"] = canonical(outlet, art)
            art["image"] = cfg["image_base"] + art["slug"] + ".jpg"
            art["paras"] = paragraphs(art["body"])


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


# ---------------------------------------------------------------- article pages


def json_ld(outlet: str, art: dict, cfg: dict) -> str:
    news = {
        "@type": "NewsArticle",
        "headline": art["title"],
        "description": art["summary"],
    }
    if not art.get("nodate"):
        news["datePublished"] = iso(art["page_published"])
        news["dateModified"] = iso(art["page_modified"])
    news.update(
        {
            "author": [{"@type": "Person", "name": art["author"]}],
            "publisher": {"@type": "Organization", "name": cfg["name"]},
            "mainEntityOfPage": art["canonical"],
            "url": art["canonical"],
            "inLanguage": "en-GB",
            "articleSection": art["section"],
            "image": art["image"],
        }
    )
    if art.get("graph"):
        doc = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": cfg["name"], "url": cfg["home"]},
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Home", "item": cfg["home"]},
                        {"@type": "ListItem", "position": 2, "name": art["section"]},
                    ],
                },
                news,
            ],
        }
    else:
        doc = {"@context": "https://schema.org", **news}
    return json.dumps(doc, ensure_ascii=False).replace("</", "<\\/")


def article_page(outlet: str, art: dict, cfg: dict, related: list[dict]) -> str:
    name = cfg["name"]
    head = [
        "<!doctype html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{t(art['title'])} | {t(name)}</title>",
        f'<link rel="canonical" href="{a(art["canonical"])}">',
        f'<meta property="og:title" content="{a(art["title"])}">',
        f'<meta property="og:url" content="{a(art["canonical"])}">',
        f'<meta property="og:site_name" content="{a(name)}">',
        f'<meta property="og:image" content="{a(art["image"])}">',
        f'<meta name="description" content="{a(art["summary"])}">',
        f'<meta name="author" content="{a(art["author"])}">',
    ]
    # Harbour Times: no article:*_time meta; undated Independent pages: no dates anywhere.
    if outlet != "harbourtimes" and not art.get("nodate"):
        head.append(f'<meta property="article:published_time" content="{iso(art["page_published"])}">')
        head.append(f'<meta property="article:modified_time" content="{iso(art["page_modified"])}">')
    head.append(f'<meta property="article:section" content="{a(art["section"])}">')
    # Northern Courier: no JSON-LD.
    if outlet != "northerncourier":
        head += ['<script type="application/ld+json">', json_ld(outlet, art, cfg), "</script>"]
    head.append("</head>")

    body = [
        "<body>",
        f'<header class="site-header"><nav>{t(NAV)}</nav></header>',
        "<main>",
        "<article>",
        f"<h1>{t(art['title'])}</h1>",
        f'<p class="byline">By {t(art["author"])}</p>',
    ]
    if not art.get("nodate"):
        body.append(f'<time datetime="{iso(art["page_published"])}">{t(human(art["page_published"]))}</time>')
    body.append('<div class="article-body">')
    body += [f"<p>{t(p)}</p>" for p in art["paras"]]
    body.append("</div>")
    body.append("</article>")
    links = "".join(f'<li><a href="{a(r["canonical"])}">{t(r["title"])}</a></li>' for r in related)
    body.append(f'<aside class="related"><h2>Related Articles</h2><ul>{links}</ul></aside>')
    body.append('<div class="newsletter">Sign up to our free morning briefing. DOWNLOAD THE APP</div>')
    body.append('<div class="comments">Comments<br>No comments yet...</div>')
    body.append("</main>")
    body.append(f"<footer>© 2026 {t(name)}. All rights reserved.</footer>")
    body.append("</body></html>")
    return "\n".join(head + body) + "\n"


# ---------------------------------------------------------------- feeds


def rss_feed(outlet: str, cfg: dict, title: str, description: str) -> str:
    arts = cfg["articles"]
    last = max(x["modified"] for x in arts).astimezone(timezone.utc)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>{rss_text(title)}</title>",
        f"<link>{xml_escape(cfg['home'])}</link>",
        f"<description>{rss_text(description)}</description>",
        "<language>en-gb</language>",
        f"<lastBuildDate>{format_datetime(last)}</lastBuildDate>",
    ]
    for i, art in enumerate(arts, 1):
        out += [
            "<item>",
            f"  <title>{rss_text(art['title'])}</title>",
            f"  <link>articles/{art['slug']}.html</link>",
            f'  <guid isPermaLink="false">{cfg["guid_prefix"]}{i:04d}</guid>',
            f"  <pubDate>{format_datetime(art['published'])}</pubDate>",
            f"  <description>{rss_text(art['summary'])}</description>",
            f"  <dc:creator>{rss_text(art['author'])}</dc:creator>",
            f"  <category>{rss_text(art['section'])}</category>",
            "</item>",
        ]
    out += ["</channel>", "</rss>"]
    return "\n".join(out) + "\n"


def atom_feed(cfg: dict) -> str:
    arts = cfg["articles"]
    last = max(x["modified"] for x in arts).astimezone(timezone.utc)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        "<title>Harbour Times</title>",
        "<subtitle>Ports, shipping and the coast</subtitle>",
        "<id>tag:harbourtimes.example,2026:feed</id>",
        '<link rel="self" href="atom.xml"/>',
        f'<link rel="alternate" type="text/html" href="{cfg["home"]}"/>',
        f"<updated>{iso(last)}</updated>",
    ]
    for i, art in enumerate(arts, 1):
        out += [
            "<entry>",
            f"  <id>tag:harbourtimes.example,2026:{i:04d}</id>",
            f"  <title>{xml_escape(art['title'])}</title>",
            f'  <link rel="alternate" type="text/html" href="articles/{art["slug"]}.html"/>',
            f"  <published>{iso(art['published'])}</published>",
            f"  <updated>{iso(art['modified'])}</updated>",
            f"  <author><name>{xml_escape(art['author'])}</name></author>",
            f'  <category term="{xml_escape(art["section"], {chr(34): "&quot;"})}"/>',
            f"  <summary>{xml_escape(art['summary'])}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- listing page


def find(outlet: str, slug: str) -> dict:
    for art in OUTLETS[outlet]["articles"]:
        if art["slug"] == slug:
            return art
    raise KeyError((outlet, slug))


def card_data(card: dict) -> tuple[str, str, list[str]]:
    if card["kind"] == "feed":
        art = find(card["feed_outlet"], card["slug"])
        paras = art["paras"] if card["paras"] is None else art["paras"][: card["paras"]]
        return art["canonical"] + "?" + card["query"], art["title"], paras
    return card["url"], card["title"], paragraphs(card["text"])


def listing_page() -> str:
    out = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Daily8 · World</title></head><body>',
        '<div class="app-banner">logo <a href="#">DOWNLOAD THE APP</a></div>',
        "<main>",
    ]
    cards = daily8.CARDS
    for n, card in enumerate(cards):
        url, title, paras = card_data(card)
        lead = n == 0
        tag = "h1" if lead else "h3"
        time_html = t(card["time"]) if lead else f'<i class="icon">time</i>{t(card["time"])}'
        out += [
            f'<article class="story-card{" lead" if lead else ""}">',
            f'  <{tag} class="card-title"><a href="{a(url)}">{t(title)}</a></{tag}>',
            f'  <div class="card-meta"><span class="card-outlet">{t(card["outlet_label"])}</span>'
            f'<span class="card-time">{time_html}</span></div>',
            '  <div class="card-text">' + "".join(f"<p>{t(p)}</p>" for p in paras) + "</div>",
            "</article>",
        ]
        if lead:
            out += [
                '<div class="promo">Orange background Try Our AI Features '
                "Explore what Daily8 AI can do for you:</div>",
                '<div class="comments">Comments No comments yet...</div>',
                '<section class="related"><h2>Related Articles</h2>',
            ]
    out += [
        "</section>",
        '<div class="app-footer">DOWNLOAD THE APP Get Started Now: Download the App '
        "Read the world's news your way: get the Daily8 app from your usual app store today. "
        "app-storeplay-store</div>",
        "</main></body></html>",
    ]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- build


def build() -> None:
    prepare()
    if SITE.exists():
        shutil.rmtree(SITE)
    for outlet, cfg in OUTLETS.items():
        arts = cfg["articles"]
        for i, art in enumerate(arts):
            related = [arts[(i + k) % len(arts)] for k in (1, 2, 3)]
            write(SITE / outlet / "articles" / f"{art['slug']}.html", article_page(outlet, art, cfg, related))
    write(
        SITE / "independent" / "rss.xml",
        rss_feed(
            "independent",
            OUTLETS["independent"],
            "The Independent",
            "The latest world, UK, business, science and sport news from The Independent",
        ),
    )
    write(SITE / "harbourtimes" / "atom.xml", atom_feed(OUTLETS["harbourtimes"]))
    write(
        SITE / "northerncourier" / "rss.xml",
        rss_feed(
            "northerncourier",
            OUTLETS["northerncourier"],
            "Northern Courier",
            "News, business, sport and weather from the north of England",
        ),
    )
    write(SITE / "daily8" / "world.html", listing_page())


# ---------------------------------------------------------------- checks


def check() -> None:
    import xml.etree.ElementTree as ET

    problems: list[str] = []
    counts = {}
    lo = datetime(2026, 11, 20, tzinfo=timezone.utc)
    hi = datetime(2026, 11, 28, 6, 0, tzinfo=timezone.utc)
    ns = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}
    all_pages: dict[str, str] = {}
    for outlet, cfg in OUTLETS.items():
        feed_path = SITE / outlet / cfg["feed"]
        root = ET.parse(feed_path).getroot()
        if cfg["feed"] == "atom.xml":
            entries = root.findall("a:entry", ns)
            links = [e.find("a:link[@rel='alternate']", ns).get("href") for e in entries]
            ids = [e.findtext("a:id", namespaces=ns) for e in entries]
            dates = [datetime.fromisoformat(e.findtext("a:published", namespaces=ns)) for e in entries]
        else:
            from email.utils import parsedate_to_datetime

            entries = root.findall("channel/item")
            links = [e.findtext("link") for e in entries]
            ids = [e.findtext("guid") for e in entries]
            dates = [parsedate_to_datetime(e.findtext("pubDate")) for e in entries]
        counts[outlet] = len(entries)
        if len(set(ids)) != len(ids):
            problems.append(f"{outlet}: duplicate ids")
        for link, d, art in zip(links, dates, cfg["articles"], strict=True):
            if link.startswith(("http:", "https:", "/")):
                problems.append(f"{outlet}: non-relative link {link}")
            page = (feed_path.parent / link).resolve()
            if not page.is_file():
                problems.append(f"{outlet}: missing {link}")
                continue
            if not lo <= d <= hi:
                problems.append(f"{outlet}: date out of range {d}")
            src = page.read_text(encoding="utf-8")
            all_pages[art["canonical"]] = src
            words = sum(len(p.split()) for p in art["paras"])
            if not (200 <= words <= 600 and 4 <= len(art["paras"]) <= 8):
                problems.append(f"{outlet}/{art['slug']}: {words} words, {len(art['paras'])} paragraphs")
            blocks = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', src, re.S)
            canon = re.search(r'<link rel="canonical" href="([^"]+)"', src).group(1)
            og = re.search(r'<meta property="og:url" content="([^"]+)"', src).group(1)
            if html.unescape(canon) != art["canonical"] or html.unescape(og) != art["canonical"]:
                problems.append(f"{outlet}/{art['slug']}: canonical mismatch")
            has_meta = "article:published_time" in src
            if outlet == "northerncourier" and (blocks or not has_meta):
                problems.append(f"{art['slug']}: NC page must have meta dates and no JSON-LD")
            if outlet == "harbourtimes" and (has_meta or not blocks):
                problems.append(f"{art['slug']}: HT page must have JSON-LD and no meta dates")
            for b in blocks:
                doc = json.loads(b)
                news = next(n for n in doc.get("@graph", [doc]) if n["@type"] == "NewsArticle")
                if news["url"] != art["canonical"] or news["mainEntityOfPage"] != art["canonical"]:
                    problems.append(f"{art['slug']}: JSON-LD url mismatch")
                if "datePublished" in news and datetime.fromisoformat(news["datePublished"]) != d:
                    problems.append(f"{art['slug']}: JSON-LD date differs from feed")
                if art.get("nodate") and "datePublished" in news:
                    problems.append(f"{art['slug']}: undated page has a date")
            m = re.search(r'article:published_time" content="([^"]+)"', src)
            if m and datetime.fromisoformat(m.group(1)) != d:
                problems.append(f"{art['slug']}: meta date differs from feed")
    listing = (SITE / "daily8" / "world.html").read_text(encoding="utf-8")
    hrefs = [html.unescape(h) for h in re.findall(r'<a href="(http[^"]+)"', listing)]
    outlets_on_cards = re.findall(r'<span class="card-outlet">([^<]+)</span>', listing)
    if len(outlets_on_cards) != 7 or len(hrefs) != 7:
        problems.append(f"listing: {len(outlets_on_cards)} cards")
    matched = [h for h in hrefs if h.split("?")[0] in all_pages]
    if len(matched) != 2:
        problems.append(f"listing: {len(matched)} cards match feed articles")
    total = sum(counts.values())
    print("items per feed:", counts, "total:", total)
    print("listing cards:", outlets_on_cards)
    print("cards matching feed articles:", *matched, sep="\n  ")
    expected = {"independent": 16, "harbourtimes": 14, "northerncourier": 12}
    if counts != expected:
        problems.append(f"counts {counts} != {expected}")
    if problems:
        print("PROBLEMS:", *problems, sep="\n  ")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    build()
    if "--check" in sys.argv[1:]:
        check()
