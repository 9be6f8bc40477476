"""The labelled page set: article pages in the shapes publishers write them, each with its gold title,
authors, publication instant, the publisher's calendar day and body.

    python bench/pages/build_pages.py OUT_DIR [--per-family 5] [--seed 13]

writes OUT_DIR/<family>-<n>.html (the bytes as served), OUT_DIR/gold.jsonl (one line per page: file, url,
the HTTP Content-Type it is served with, family, the failure classes it reproduces, gold fields).
`pages(per_family, seed)` returns the same in memory (bench/eval_pages.py uses it). Deterministic: seeded
`random`, no clock.

Every family imitates the markup of one kind of site (WordPress with Yoast, the Newspaper theme, Arc XP,
Next.js, Drupal, AMP, Blogger, Substack, Ghost, Medium, national news sites in German, French, Spanish,
Japanese and Arabic, ...) and reproduces the failure classes of issue 13: encodings (title before the meta
charset, IE conditional comments, the charset only in the HTTP header, a BOM, no declaration at all), dates
(itemprop outside <article>, rnews, parsely-page, OriginalPublicationDate, sailthru.date, DC dates, Unix
numbers, <time pubdate>, a visible dateline, a local evening that is the next day in UTC), authors (bylines,
rel=author, a Facebook URL as article:author, the publisher as author, "A and B"), titles with the site
name, bodies (a print notice, split containers, a results table, an embedded tweet, a lead outside the
body container). The text is invented (bench/pages/texts.py).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import texts  # noqa: E402

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


@dataclass
class Story:
    lang: str
    title: str
    authors: list[str]
    paragraphs: list[str]
    local: datetime  # aware, in the publisher's zone
    site: str
    domain: str
    slug: str
    extra_body: list[str] = field(default_factory=list)  # gold body text that is not a plain paragraph

    @property
    def url(self) -> str:
        return f"https://www.{self.domain}/news/{self.slug}"

    def gold(self, authors: list[str] | None = None, day_only: bool = False) -> dict:
        utc = self.local.astimezone(UTC)
        return {
            "title": self.title,
            "authors": self.authors if authors is None else authors,
            "published_utc": None if day_only else utc.strftime("%Y-%m-%dT%H:%M"),
            "published_day": self.local.strftime("%Y-%m-%d"),
            "body": "\n\n".join([*self.paragraphs, *self.extra_body]),
        }


@dataclass
class Page:
    family: str
    classes: list[str]
    url: str
    content_type: str
    body: bytes
    gold: dict


ZONES = {"en": [-5, -8, 0, 1, 10], "de": [1], "fr": [1], "es": [1], "ja": [9], "ar": [3]}


def story(
    rng: random.Random,
    lang: str = "en",
    authors: int = 1,
    site: str | None = None,
    evening: bool | None = None,
) -> Story:
    """An invented article: half of them published in the publisher's evening, which is often the next
    day in UTC."""
    offset = rng.choice(ZONES[lang])
    late = rng.random() < 0.5 if evening is None else evening
    hour = rng.randint(19, 23) if late else rng.randint(6, 17)
    day = datetime(2026, 1, 5) + timedelta(days=rng.randint(0, 300))
    local = day.replace(
        hour=hour, minute=rng.choice([0, 5, 12, 25, 40, 55]), tzinfo=timezone(timedelta(hours=offset))
    )
    title = texts.headline(rng, lang)
    site = site or rng.choice(
        [
            "The Harbour Times",
            "Kirkhaven Herald",
            "Westmere Daily",
            "The Bay Ledger",
            "Northern Courier",
            "Port Ellery Post",
        ]
    )
    slug = f"{rng.randint(100000, 999999)}-story"
    domain = site.lower().removeprefix("the ").replace(" ", "") + ".example"
    return Story(
        lang, title, texts.people(rng, lang, authors), texts.paragraphs(rng, lang), local, site, domain, slug
    )


# --- formatting helpers -----------------------------------------------------------------------------------


def e(text: str) -> str:
    return html.escape(text, quote=True)


def iso(moment: datetime, seconds: bool = True) -> str:
    return moment.isoformat(timespec="seconds" if seconds else "minutes")


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ps(paragraphs: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{e(p)}</p>" for p in paragraphs)


def jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


def us_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'p.m.' if moment.hour >= 12 else 'a.m.'}"


def by(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


NAV = """<header class="site-header"><div class="logo"><a href="/">{site}</a></div>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a>
</li><li><a href="/opinion">Opinion</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>"""
FOOTER = """<footer><p>© 2026 {site}. All rights reserved.</p><ul><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>"""
RELATED = """<aside class="related"><h3>Related</h3><ul><li><a href="/news/1">Council delays vote on budget</a></li>
<li><a href="/news/2">Storm closes coastal road</a></li><li><a href="/news/3">New ferry times announced</a></li>
</ul></aside>"""
SCRIPTS = """<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}
gtag('js',new Date());gtag('config','G-XXXX');</script>
<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments)
:n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);
t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script',
'https://connect.facebook.net/en_US/fbevents.js');fbq('init','000000000');fbq('track','PageView');</script>"""


def shell(
    s: Story,
    head: str,
    body: str,
    lang: str | None = None,
    pre: str = "",
    html_attrs: str = "",
    charset_meta: str = '<meta charset="utf-8">',
) -> str:
    return (
        f'{pre}<html lang="{lang or s.lang}"{html_attrs}>\n<head>\n{charset_meta}\n{head}\n</head>\n'
        f"<body>\n{NAV.format(site=e(s.site))}\n{body}\n{RELATED}\n{FOOTER.format(site=e(s.site))}\n"
        f"</body>\n</html>\n"
    )


def page(
    family: str,
    classes: list[str],
    s: Story,
    text: str,
    gold: dict,
    encoding: str = "utf-8",
    content_type: str = "text/html; charset=utf-8",
    bom: bytes = b"",
) -> Page:
    return Page(
        family, classes, s.url, content_type, bom + text.encode(encoding, errors="xmlcharrefreplace"), gold
    )


# --- families ---------------------------------------------------------------------------------------------


def wp_yoast(rng: random.Random) -> Page:
    s = story(rng)
    person_id = f"https://www.{s.domain}/#/schema/person/{rng.randint(1000, 9999)}"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": s.url + "#article",
                "isPartOf": {"@id": s.url},
                "author": {"name": s.authors[0], "@id": person_id},
                "headline": s.title,
                "datePublished": iso(s.local),
                "dateModified": iso(s.local + timedelta(hours=2)),
                "publisher": {"@id": f"https://www.{s.domain}/#organization"},
                "inLanguage": "en-US",
            },
            {"@type": "WebPage", "@id": s.url, "url": s.url, "name": f"{s.title} - {s.site}"},
            {"@type": "Organization", "@id": f"https://www.{s.domain}/#organization", "name": s.site},
            {
                "@type": "Person",
                "@id": person_id,
                "name": s.authors[0],
                "url": f"https://www.{s.domain}/author/{s.authors[0].split()[0].lower()}/",
            },
        ],
    }
    head = (
        f'<title>{e(s.title)} - {e(s.site)}</title>\n<meta property="og:title" content="{e(s.title)} - '
        f'{e(s.site)}">\n<meta property="og:site_name" content="{e(s.site)}">\n'
        f'<meta property="article:published_time" content="{iso(s.local)}">\n'
        f'<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" '
        f'content="{e(s.authors[0])}">\n{jsonld(graph)}'
    )
    body = (
        f'<main id="main"><article class="post type-post"><header class="entry-header"><h1 '
        f'class="entry-title">{e(s.title)}</h1><div class="entry-meta"><span class="posted-on">'
        f'<time class="entry-date published" datetime="{iso(s.local)}">{s.local:%B %d, %Y}</time>'
        f'</span></div></header><div class="entry-content">{ps(s.paragraphs)}'
        f'<div class="sharedaddy"><h3>Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>'
        f"</div></article></main>"
    )
    return page(
        "wp_yoast", ["title_site", "author_ref"], s, "<!DOCTYPE html>\n" + shell(s, head, body), s.gold()
    )


def newspaper_theme(rng: random.Random) -> Page:
    s = story(rng)
    head = (
        f'<title>{e(s.title)} | {e(s.site)}</title>\n<meta property="og:title" content="{e(s.title)}'
        f' | {e(s.site)}">\n<meta property="og:site_name" content="{e(s.site)}">\n{SCRIPTS}'
    )
    body = (
        f'<div class="td-post-header"><ul class="td-category"><li><a href="/news">News</a></li></ul>'
        f'<header class="td-post-title"><h1 class="entry-title">{e(s.title)}</h1>'
        f'<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">'
        f'By</div> <a href="/author/{s.authors[0].split()[0].lower()}/">{e(s.authors[0])}</a>'
        f'<div class="td-author-line"> - </div></div><span class="td-post-date"><time class="entry-date '
        f'updated td-module-date" datetime="{iso(s.local)}">{s.local:%B %d, %Y}</time></span></div>'
        f'</header></div><div class="td-post-content tagdiv-type">{ps(s.paragraphs)}</div>'
        f'<div class="td-post-sharing">Share Facebook Twitter Pinterest WhatsApp</div>'
    )
    return page(
        "newspaper_theme",
        ["date_time_outside_article", "byline", "title_site"],
        s,
        "<!doctype html >\n" + shell(s, head, body),
        s.gold(),
    )


def arc_xp(rng: random.Random) -> Page:
    s = story(rng, authors=2)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso_z(s.local),
        "dateModified": iso_z(s.local + timedelta(minutes=30)),
        "author": [
            {
                "@type": "Person",
                "name": a,
                "url": f"https://www.{s.domain}/people/{a.lower().replace(' ', '-')}/",
            }
            for a in s.authors
        ],
        "publisher": {"@type": "Organization", "name": s.site},
    }
    fusion = json.dumps({"globalContent": {"headlines": {"basic": s.title}, "display_date": iso_z(s.local)}})
    head = (
        f'<title>{e(s.title)} - {e(s.site)}</title>\n<meta property="og:title" content="{e(s.title)}">'
        f'\n<meta name="author" content="{e(by(s.authors))}">\n{jsonld(ld)}\n'
        f'<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{{}};'
        f"Fusion.globalContent={fusion};</script>"
    )
    mid = len(s.paragraphs) // 2
    body = (
        f'<main><article class="article"><h1 class="headline">{e(s.title)}</h1>'
        f'<div class="byline">By <a href="#">{e(s.authors[0])}</a> and <a href="#">{e(s.authors[1])}'
        f'</a></div><div class="date">{s.local:%B %d, %Y} at {us_time(s.local)}</div>'
        f'<div class="article-body">{ps(s.paragraphs[:mid], "default__StyledText-sc-1")}'
        f'<div class="ad-container"><div class="advert">Advertisement</div></div>'
        f"{ps(s.paragraphs[mid:], 'default__StyledText-sc-1')}</div></article></main>"
    )
    return page("arc_xp", ["authors_two"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def nextjs_ssr(rng: random.Random) -> Page:
    s = story(rng)
    s.title = s.title.replace(", if", "\u2014if").replace(" if ", "\u2014if ") + " \u2019s latest"
    s.paragraphs[0] = "\u201c" + s.paragraphs[0] + "\u201d \u2014 an update."
    data = json.dumps(
        {
            "props": {
                "pageProps": {
                    "article": {
                        "title": s.title,
                        "publishedAt": iso_z(s.local),
                        "author": {"name": s.authors[0]},
                    }
                }
            }
        },
        ensure_ascii=False,
    )
    head = (
        f'<title>{e(s.title)} \u2014 {e(s.site)}</title><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width"><meta property="og:title" '
        f'content="{e(s.title)}"><meta property="og:site_name" content="{e(s.site)}">'
    )
    body = (
        f'<div id="__next"><div class="layout"><div class="article-header"><h1>{e(s.title)}</h1>'
        f'<div class="meta"><a rel="author" href="/authors/{s.authors[0].split()[0].lower()}">'
        f'{e(s.authors[0])}</a> · <time datetime="{iso(s.local)}">{s.local:%b %d, %Y}</time></div></div>'
        f'<article><div class="prose">{ps(s.paragraphs)}</div></article></div></div>'
        f'<script id="__NEXT_DATA__" type="application/json">{data}</script>'
    )
    text = "<!DOCTYPE html>" + shell(s, head, body, charset_meta="")
    return page(
        "nextjs_ssr",
        ["encoding_title_before_charset", "date_time_outside_article", "rel_author", "title_site"],
        s,
        text,
        s.gold(),
        content_type="text/html",
    )


IE_PREAMBLE = """<!DOCTYPE html>
<!--[if lt IE 7]>      <html class="no-js lt-ie9 lt-ie8 lt-ie7" lang="en"> <![endif]-->
<!--[if IE 7]>         <html class="no-js lt-ie9 lt-ie8" lang="en"> <![endif]-->
<!--[if IE 8]>         <html class="no-js lt-ie9" lang="en"> <![endif]-->
<!--[if gt IE 8]><!--> """


def ie_conditional(rng: random.Random) -> Page:
    s = story(rng)
    s.title = s.title + "\u2014if It Doesn\u2019t Stall"
    s.paragraphs[1] = s.paragraphs[1] + " \u2018It is a start,\u2019 one resident said \u2014 cautiously."
    head = (
        f"{SCRIPTS}\n{SCRIPTS}\n<title>{e(s.title)} | {e(s.site)}</title>\n"
        f'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        f'<meta name="sailthru.date" content="{s.local:%a, %d %b %Y %H:%M:%S %z}">\n'
        f'<meta name="sailthru.author" content="{e(s.authors[0])}">\n'
        f'<meta property="og:title" content="{e(s.title)}">'
    )
    body = (
        f'<div class="article"><h1>{e(s.title)}</h1><p class="byline">By {e(s.authors[0])}</p>'
        f'<div class="article-body">{ps(s.paragraphs)}</div></div>'
    )
    text = IE_PREAMBLE + shell(s, head, body, charset_meta="").replace('<html lang="en">', "", 1).replace(
        "<head>", '<html class="no-js" lang="en"> <!--<![endif]-->\n<head>', 1
    )
    return page(
        "ie_conditional",
        ["encoding_ie_preamble", "date_sailthru", "byline"],
        s,
        text,
        s.gold(),
        content_type="text/html",
    )


def drupal(rng: random.Random) -> Page:
    s = story(rng)
    head = (
        f'<title>{e(s.title)} | {e(s.site)}</title>\n<meta name="dcterms.title" content="{e(s.title)}">'
        f'\n<meta name="dcterms.date" content="{iso(s.local)}">\n<meta name="Generator" '
        f'content="Drupal 10 (https://www.drupal.org)">'
    )
    body = (
        f'<div class="region region-content"><div class="node node--type-article">'
        f'<h1 class="page-title"><span class="field field--name-title">{e(s.title)}</span></h1>'
        f'<div class="node__meta"><span class="field--name-uid"><span class="username">'
        f'{e(s.authors[0])}</span></span> <span class="field--name-created">{s.local:%a, %m/%d/%Y - %H:%M}'
        f'</span></div><div class="clearfix text-formatted field field--name-body">{ps(s.paragraphs)}'
        f"</div></div></div>"
    )
    return page(
        "drupal",
        ["date_dcterms", "title_site", "author_username"],
        s,
        "<!DOCTYPE html>\n" + shell(s, head, body),
        s.gold(),
    )


def amp(rng: random.Random) -> Page:
    s = story(rng)
    byline = rng.random() < 0.6
    ld = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": {"@type": "Organization", "name": s.site},
        "publisher": {
            "@type": "Organization",
            "name": s.site,
            "logo": {"@type": "ImageObject", "url": "/l.png"},
        },
    }
    head = (
        f'<meta name="viewport" content="width=device-width"><title>{e(s.title)} - {e(s.site)}</title>'
        f'<link rel="canonical" href="{s.url}"><script async src="https://cdn.ampproject.org/v0.js">'
        f"</script><style amp-boilerplate>body{{visibility:hidden}}</style>{jsonld(ld)}"
    )
    line = f'<p class="byline">By {e(s.authors[0])}</p>' if byline else ""
    body = (
        f'<article><h1>{e(s.title)}</h1>{line}<amp-img src="/i.jpg" width="600" height="400">'
        f"</amp-img>{ps(s.paragraphs)}</article>"
    )
    return page(
        "amp",
        ["author_is_publisher", "title_site"],
        s,
        "<!doctype html>" + shell(s, head, body, html_attrs=" \u26a1"),
        s.gold(s.authors if byline else []),
    )


def blogger(rng: random.Random) -> Page:
    s = story(rng, site="Harbour Notes")
    head = (
        f"<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>"
        f"<meta content='blogger' name='generator'/><title>{e(s.site)}: {e(s.title)}</title>"
        f"<meta content='{e(s.title)}' property='og:title'/>"
    )
    text_body = "<br /><br />\n".join(e(p) for p in s.paragraphs)
    body = (
        f"<div class='blog-posts hfeed'><div class='date-outer'><h2 class='date-header'><span>"
        f"{s.local:%A, %B %d, %Y}</span></h2><div class='post hentry' itemprop='blogPost' itemscope>"
        f"<h3 class='post-title entry-title' itemprop='name'>{e(s.title)}</h3>"
        f"<div class='post-body entry-content' itemprop='description articleBody'>{text_body}</div>"
        f"<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn' "
        f"itemprop='author' itemscope itemtype='http://schema.org/Person'><span itemprop='name'>"
        f"{e(s.authors[0])}</span></span></span> at <a class='timestamp-link' href='#'><abbr "
        f"class='published' itemprop='datePublished' title='{iso(s.local)}'>{us_time(s.local)}</abbr></a>"
        f"</div></div></div></div>"
    )
    return page(
        "blogger",
        ["date_itemprop_title_attr", "author_itemprop", "title_site_prefix"],
        s,
        shell(s, head, body, charset_meta=""),
        s.gold(),
        content_type="text/html; charset=UTF-8",
    )


def substack(rng: random.Random) -> Page:
    s = story(rng, site="The Harbour Letter")
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "url": s.url,
        "headline": s.title,
        "datePublished": iso_z(s.local),
        "author": [{"@type": "Person", "name": s.authors[0], "url": "https://substack.com/@x"}],
        "publisher": {"@type": "Organization", "name": s.site},
    }
    head = (
        f'<title>{e(s.title)} - by {e(s.authors[0])}</title><meta property="og:title" '
        f'content="{e(s.title)}">{jsonld(ld)}'
    )
    body = (
        f'<div class="post"><h1 class="post-title">{e(s.title)}</h1><div class="post-meta">'
        f'<a href="#">{e(s.authors[0])}</a><div class="pencraft">{s.local:%b %d, %Y}</div></div>'
        f'<div class="available-content"><div class="body markup">{ps(s.paragraphs)}</div></div>'
        f'<div class="subscription-widget"><p>Thanks for reading! Subscribe for free to receive new posts.'
        f"</p><button>Subscribe</button></div></div>"
    )
    return page("substack", ["title_by_author"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def ghost(rng: random.Random) -> Page:
    s = story(rng, site="Harbour Tech Blog")
    tweet = f"{texts.paragraphs(rng, 'en', 1)[0].split('.')[0]}. #kirkhaven"
    s.extra_body = []
    mid = 2
    ld = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": s.title,
        "author": {"@type": "Person", "name": s.authors[0], "url": f"https://{s.domain}/author/x/"},
        "datePublished": iso(s.local),
        "publisher": {"@type": "Organization", "name": s.site},
    }
    head = f'<title>{e(s.title)}</title><meta property="og:title" content="{e(s.title)}">{jsonld(ld)}'
    body = (
        f'<main class="site-main"><article class="article post"><header class="article-header">'
        f'<h1 class="article-title">{e(s.title)}</h1><div class="article-byline"><a href="/author/x/">'
        f'{e(s.authors[0])}</a><time class="byline-date" datetime="{s.local:%Y-%m-%d}">'
        f'{s.local:%b %d, %Y}</time></div></header><section class="gh-content gh-canvas">'
        f'{ps(s.paragraphs[:mid])}<figure class="kg-card kg-embed-card"><blockquote class="twitter-tweet">'
        f'<p lang="en" dir="ltr">{e(tweet)}</p>&mdash; {e(s.authors[0])} (@harbour) '
        f'<a href="https://twitter.com/x/status/1">{s.local:%B %d, %Y}</a></blockquote></figure>'
        f"{ps(s.paragraphs[mid:])}</section></article></main>"
    )
    gold = s.gold()
    paras = s.paragraphs
    gold["body"] = "\n\n".join([*paras[:mid], tweet, *paras[mid:]])
    return page("ghost", ["body_tweet"], s, "<!DOCTYPE html>" + shell(s, head, body), gold)


def medium(rng: random.Random) -> Page:
    s = story(rng, site="Medium")
    ld = {
        "@context": "http://schema.org",
        "@type": "SocialMediaPosting",
        "headline": s.title,
        "datePublished": s.local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.123Z"),
        "author": {"@type": "Person", "name": s.authors[0], "url": "https://medium.com/@x"},
        "creator": [s.authors[0]],
        "publisher": {"@type": "Organization", "name": "Medium"},
    }
    head = (
        f'<title>{e(s.title)} | by {e(s.authors[0])} | Medium</title><meta name="author" '
        f'content="{e(s.authors[0])}"><meta property="og:title" content="{e(s.title)}">'
        f'<meta property="article:published_time" content="{s.local.astimezone(UTC):%Y-%m-%dT%H:%M:%S.123Z}'
        f'">{jsonld(ld)}'
    )
    body = (
        f'<div id="root"><article><div class="ab"><section><h1 class="pw-post-title">{e(s.title)}</h1>'
        f'<div class="speechify-ignore"><span>Follow</span><span>{rng.randint(3, 12)} min read</span>'
        f"<span>Listen</span><span>Share</span></div>{ps(s.paragraphs, 'pw-post-body-paragraph')}"
        f"</section></div></article></div>"
    )
    return page("medium", ["title_by_author_site"], s, "<!doctype html>" + shell(s, head, body), s.gold())


def de_news(rng: random.Random) -> Page:
    s = story(rng, lang="de", site="Norddeutsche Rundschau")
    head = (
        f'<title>{e(s.title)} - Norddeutsche Rundschau</title><meta name="date" content="{iso(s.local)}">'
        f'<meta property="og:title" content="{e(s.title)}"><meta name="author" content="{e(s.authors[0])}'
        f', Norddeutsche Rundschau">'
    )
    body = (
        f'<main><article><header><h2><span class="kicker">Hafenausbau</span><span class="headline">'
        f'{e(s.title)}</span></h2><div class="authors">Von <a rel="author" href="/impressum/autor">'
        f'{e(s.authors[0])}</a></div><time datetime="{s.local:%Y-%m-%d %H:%M:%S}">{s.local.day}. '
        f"{MONTHS_DE[s.local.month - 1]} {s.local.year}, {s.local:%H.%M} Uhr</time></header>"
        f'<section data-area="body"><div data-area="text">{ps(s.paragraphs)}</div></section>'
        f"</article></main>"
    )
    return page(
        "de_news",
        ["date_meta_date", "author_meta_with_outlet", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(),
    )


def fr_news(rng: random.Random) -> Page:
    s = story(rng, lang="fr", site="Le Quotidien du Port")
    head = (
        f'<title>{e(s.title)} | Le Quotidien du Port</title><meta name="DC.date.issued" '
        f'content="{s.local:%Y-%m-%d}"><meta property="og:title" content="{e(s.title)}">'
    )
    body = (
        f'<main><section class="article__header"><h1 class="article__title">{e(s.title)}</h1>'
        f'<p class="meta__publisher">Publié le {s.local.day} {MONTHS_FR[s.local.month - 1]} {s.local.year}'
        f' à {s.local:%Hh%M}</p><span class="author__name">{e(s.authors[0])}</span></section>'
        f'<article class="article__content">{ps(s.paragraphs, "article__paragraph")}</article></main>'
    )
    text = "<!DOCTYPE html>" + shell(s, head, body, charset_meta="")
    return page(
        "fr_news",
        ["encoding_http_only", "date_dc", "title_site", "author_class"],
        s,
        text,
        s.gold(day_only=True),
        encoding="windows-1252",
        content_type="text/html; charset=windows-1252",
    )


def es_news(rng: random.Random) -> Page:
    s = story(rng, lang="es", site="Diario de Castromar")
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": [{"@type": "Person", "name": s.authors[0]}],
        "publisher": {"@type": "Organization", "name": s.site},
    }
    head = (
        f"{SCRIPTS}{SCRIPTS}{SCRIPTS}<title>{e(s.title)} | Diario de Castromar</title>"
        f'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">{jsonld(ld)}'
    )
    body = (
        f'<article><header><h1 class="a_t">{e(s.title)}</h1><div class="a_md_a">'
        f'<a class="a_md_a_n">{e(s.authors[0])}</a></div></header><div class="a_c" data-dtm-region='
        f'"articulo_cuerpo">{ps(s.paragraphs)}</div></article>'
    )
    text = "<!DOCTYPE html>" + shell(s, head, body, charset_meta="")
    return page(
        "es_news", ["encoding_meta_late"], s, text, s.gold(), encoding="iso-8859-1", content_type="text/html"
    )


def ja_news(rng: random.Random) -> Page:
    s = story(rng, lang="ja", site="港浜新聞")
    pubdate = rng.random() < 0.5
    date_markup = (
        f'<time pubdate datetime="{iso(s.local)}">{s.local.year}年{s.local.month}月{s.local.day}日 '
        f"{s.local.hour}時{s.local.minute}分</time>"
        if pubdate
        else f'<span class="date">{s.local.year}年{s.local.month}月{s.local.day}日 {s.local.hour}時'
        f"{s.local.minute}分</span>"
    )
    head = f'<title>{e(s.title)}：港浜新聞</title><meta property="og:title" content="{e(s.title)}">' + (
        "" if pubdate else f'<meta name="pubdate" content="{iso(s.local)}">'
    )
    body = (
        f'<div id="main"><div class="headline"><h1>{e(s.title)}</h1>{date_markup}'
        f'<p class="writer">【{e(s.authors[0])}】</p></div><div class="article-body">{ps(s.paragraphs)}'
        f"</div></div>"
    )
    text = "<!DOCTYPE html>" + shell(s, head, body, charset_meta="")
    return page(
        "ja_news",
        ["encoding_http_only", "date_time_pubdate" if pubdate else "date_meta_pubdate", "title_site"],
        s,
        text,
        s.gold(),
        encoding="shift_jis",
        content_type="text/html; charset=Shift_JIS",
    )


def ar_news(rng: random.Random) -> Page:
    s = story(rng, lang="ar", site="صحيفة الميناء")
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": int(s.local.timestamp()),
        "author": {"@type": "Person", "name": s.authors[0]},
    }
    head = f"<title>{e(s.title)} - صحيفة الميناء</title>{jsonld(ld)}"
    body = (
        f'<div class="article"><h1>{e(s.title)}</h1><div class="author">بقلم: {e(s.authors[0])}</div>'
        f'<div class="article-body">{ps(s.paragraphs)}</div></div>'
    )
    text = "<!DOCTYPE html>" + shell(s, head, body, html_attrs=' dir="rtl"', charset_meta="")
    return page(
        "ar_news", ["encoding_undeclared", "date_jsonld_unix"], s, text, s.gold(), content_type="text/html"
    )


def http_header_latin(rng: random.Random) -> Page:
    s = story(rng)
    s.title = "\u201c" + s.title + "\u201d \u2013 a caf\u00e9 owner\u2019s view"
    s.paragraphs[0] = s.paragraphs[0] + " \u201cIt\u2019s na\u00efve,\u201d said one."
    head = (
        f'<title>{e(s.title)}</title><meta property="article:published_time" content="{iso(s.local)}">'
        f'<meta name="author" content="{e(s.authors[0])}">'
    )
    body = f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}</div></article>'
    text = "<!DOCTYPE html>" + shell(s, head, body, charset_meta="")
    return page(
        "http_header_cp1252",
        ["encoding_http_only"],
        s,
        text,
        s.gold(),
        encoding="cp1252",
        content_type="text/html; charset=windows-1252",
    )


def bom_utf8(rng: random.Random) -> Page:
    s = story(rng)
    s.title = s.title + " \u2014 explained"
    head = (
        f'<title>{e(s.title)}</title><meta property="article:published_time" content="{iso(s.local)}">'
        f'<meta name="author" content="{e(s.authors[0])}">'
    )
    body = f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page(
        "bom_utf8",
        ["encoding_bom"],
        s,
        shell(s, head, body, charset_meta=""),
        s.gold(),
        content_type="text/html",
        bom=b"\xef\xbb\xbf",
    )


def parsely(rng: random.Random) -> Page:
    s = story(rng)
    meta = json.dumps(
        {"title": s.title, "link": s.url, "pub_date": iso_z(s.local), "section": "News", "authors": s.authors}
    )
    head = (
        f"<title>{e(s.title)} | {e(s.site)}</title><meta name=\"parsely-page\" content='{e(meta)}'>"
        f'<meta name="parsely-author" content="{e(s.authors[0])}">'
    )
    body = (
        f'<div class="story"><h1 class="story-title">{e(s.title)}</h1><div class="story-body">'
        f"{ps(s.paragraphs)}</div></div>"
    )
    return page(
        "parsely",
        ["date_parsely", "author_parsely", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(),
    )


def rnews(rng: random.Random) -> Page:
    s = story(rng)
    head = (
        f'<title>{e(s.title)} - {e(s.site)}</title><meta property="rnews:datePublished" '
        f'content="{iso(s.local)}"><meta property="og:title" content="{e(s.title)}">'
    )
    body = (
        f'<div class="story-body" vocab="http://schema.org/" typeof="NewsArticle"><h1 '
        f'class="story-body__h1">{e(s.title)}</h1><div class="byline"><span class="byline__name">'
        f'By {e(s.authors[0])}</span><span class="byline__title">Business reporter</span></div>'
        f'<div class="story-body__inner" property="articleBody">{ps(s.paragraphs)}</div></div>'
    )
    return page("rnews", ["date_rnews", "byline"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def original_pub_date(rng: random.Random) -> Page:
    s = story(rng, evening=False)
    s.local = s.local.astimezone(UTC)
    head = (
        f'<title>{e(s.title)} - {e(s.site)}</title><meta name="OriginalPublicationDate" '
        f'content="{s.local:%Y/%m/%d %H:%M:%S}"><meta name="Headline" content="{e(s.title)}">'
    )
    body = (
        f'<div class="l-container"><h1 class="pg-headline">{e(s.title)}</h1><div class="metadata">'
        f'<p class="metadata__byline"><span class="metadata__byline__author">By {e(s.authors[0])}, '
        f'{e(s.site)}</span></p></div><div class="l-container zn-body">{ps(s.paragraphs, "zn-body__paragraph")}'
        f"</div></div>"
    )
    return page(
        "original_pub_date",
        ["date_original_publication", "byline_with_outlet", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(),
    )


def sailthru(rng: random.Random) -> Page:
    s = story(rng, authors=2)
    head = (
        f'<title>{e(s.title)} | {e(s.site)}</title><meta name="sailthru.date" '
        f'content="{s.local:%a, %d %b %Y %H:%M:%S %z}"><meta name="sailthru.author" '
        f'content="{e(by(s.authors))}"><meta property="og:title" content="{e(s.title)}">'
    )
    body = f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page(
        "sailthru", ["date_sailthru", "authors_and"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold()
    )


def dc_date(rng: random.Random) -> Page:
    s = story(rng)
    head = (
        f'<title>{e(s.title)} :: {e(s.site)}</title><meta name="dc.date" content="{iso(s.local)}">'
        f'<meta name="dc.creator" content="{e(s.authors[0])}">'
    )
    body = f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page("dc_date", ["date_dc", "title_site"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def itemprop_outside(rng: random.Random) -> Page:
    s = story(rng)
    head = f"<title>{e(s.title)} | {e(s.site)}</title>"
    body = (
        f'<div class="article-header"><h1 itemprop="headline">{e(s.title)}</h1><span itemprop="author" '
        f'itemscope itemtype="http://schema.org/Person"><span itemprop="name">{e(s.authors[0])}</span>'
        f'</span> <time itemprop="datePublished" datetime="{iso(s.local)}">{s.local:%d %B %Y}</time></div>'
        f'<article><div class="article-body" itemprop="articleBody">{ps(s.paragraphs)}</div></article>'
    )
    return page(
        "itemprop_outside",
        ["date_itemprop_outside_article", "author_itemprop", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(),
    )


def time_pubdate(rng: random.Random) -> Page:
    s = story(rng)
    comment = s.local + timedelta(days=1, hours=3)
    head = f"<title>{e(s.title)}</title>"
    body = (
        f'<div class="post-head"><h1>{e(s.title)}</h1><time pubdate datetime="{iso(s.local)}">'
        f'{s.local:%B %d, %Y}</time><span class="byline">By {e(s.authors[0])}</span></div>'
        f'<article><div class="article-body">{ps(s.paragraphs)}</div></article>'
        f'<div class="comments"><article><time datetime="{iso(comment)}">later</time><p>Great read.</p>'
        f"</article></div>"
    )
    return page(
        "time_pubdate", ["date_time_pubdate", "byline"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold()
    )


def visible_dateline(rng: random.Random) -> Page:
    s = story(rng)
    zone = {-5: "ET", -8: "PT", 0: "GMT", 1: "CET", 10: "AEST"}[
        int(s.local.utcoffset().total_seconds() // 3600)
    ]
    style = rng.randrange(3)
    line = (
        f"Published {us_time(s.local)} {zone} {s.local:%b}. {s.local.day}, {s.local.year}"
        if style == 0
        else f"Updated: {MONTHS_EN[s.local.month - 1]} {s.local.day}, {s.local.year}"
        if style == 1
        else f"{s.local.day} {MONTHS_EN[s.local.month - 1]} {s.local.year}"
    )
    head = f"<title>{e(s.title)} | {e(s.site)}</title>"
    body = (
        f'<div class="story"><h1>{e(s.title)}</h1><div class="byline">By {e(s.authors[0])}</div>'
        f'<div class="dateline">{line}</div><div class="story-text">{ps(s.paragraphs)}</div></div>'
    )
    return page(
        "visible_dateline",
        ["date_visible", "byline", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(day_only=True),
    )


def jsonld_unix(rng: random.Random) -> Page:
    s = story(rng)
    millis = rng.random() < 0.5
    stamp = int(s.local.timestamp()) * (1000 if millis else 1)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": stamp,
        "author": {"@type": "Person", "name": s.authors[0]},
    }
    head = f"<title>{e(s.title)} | {e(s.site)}</title>{jsonld(ld)}"
    body = f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page(
        "jsonld_unix",
        ["date_jsonld_unix", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(day_only=True) | {"published_utc": s.local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")},
    )


def publisher_author(rng: random.Random) -> Page:
    s = story(rng, site=rng.choice(["Harbour News", "Bay Broadcasting News", "The Economist of the Bay"]))
    byline = rng.random() < 0.5
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": [{"@type": "Organization", "name": s.site}],
        "publisher": {"@type": "NewsMediaOrganization", "name": s.site},
    }
    head = (
        f'<title>{e(s.title)} - {e(s.site)}</title><meta name="author" content="{e(s.site)}">'
        f'<meta property="og:site_name" content="{e(s.site)}">{jsonld(ld)}'
    )
    line = f'<p class="byline"><span class="byline__name">By {e(s.authors[0])}</span></p>' if byline else ""
    body = f'<article><h1>{e(s.title)}</h1>{line}<div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page(
        "publisher_author",
        ["author_is_publisher", "title_site"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body),
        s.gold(s.authors if byline else []),
    )


def facebook_author(rng: random.Random) -> Page:
    s = story(rng)
    head = (
        f'<title>{e(s.title)}</title><meta property="article:author" '
        f'content="https://www.facebook.com/{s.domain.split(".")[0]}"><meta property="article:published_time" '
        f'content="{iso(s.local)}"><meta property="og:title" content="{e(s.title)}">'
    )
    body = (
        f'<article><h1>{e(s.title)}</h1><div class="author-name"><a href="/by/x">{e(s.authors[0])}</a>'
        f'</div><div class="article-body">{ps(s.paragraphs)}</div></article>'
    )
    return page("facebook_author", ["author_url"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


PRINT_NOTICE = (
    "This copy is for your personal, non-commercial use only. To order presentation-ready copies "
    "for distribution to your colleagues, clients or customers visit our reprints page."
)


def print_notice(rng: random.Random) -> Page:
    s = story(rng)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": {"@type": "Person", "name": s.authors[0]},
    }
    head = f"<title>{e(s.title)}</title>{jsonld(ld)}"
    inner = "\n".join(f'<div class="paragraph"><span>{e(p)}</span></div>' for p in s.paragraphs)
    body = (
        f'<div class="wrapper"><h1>{e(s.title)}</h1><div class="print-notice"><p>{PRINT_NOTICE}</p></div>'
        f'<div class="snippet-promotion"><p>Dow Jones Reprints: {PRINT_NOTICE}</p></div>'
        f'<div class="wsj-snippet-body">{inner}</div></div>'
    )
    return page(
        "print_notice", ["body_precision_notice"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold()
    )


def split_body(rng: random.Random) -> Page:
    s = story(rng)
    s.paragraphs = texts.paragraphs(rng, "en", 8)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": {"@type": "Person", "name": s.authors[0]},
    }
    head = f"<title>{e(s.title)}</title>{jsonld(ld)}"
    body = (
        f'<main><h1>{e(s.title)}</h1><div class="article-body" itemprop="articleBody">'
        f'{ps(s.paragraphs[:3])}</div><div class="inline-newsletter"><p>Get our morning briefing. '
        f'Sign up for the newsletter</p></div><div class="article-body" itemprop="articleBody">'
        f"{ps(s.paragraphs[3:])}</div></main>"
    )
    return page(
        "split_body", ["body_split_containers"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold()
    )


def standings_table(rng: random.Random) -> Page:
    s = story(rng)
    s.title = f"{rng.choice(texts.PLACES_EN)} league standings after round {rng.randint(3, 30)}"
    s.paragraphs = texts.paragraphs(rng, "en", 1)
    teams = rng.sample(
        [
            "Kirkhaven Rovers",
            "Port Ellery Athletic",
            "Marlow Bay United",
            "Aldenbridge Town",
            "Westmere City",
            "Farrow Point Wanderers",
            "Greyhallow Albion",
            "Lindqvist FC",
        ],
        8,
    )
    rows = [[str(i + 1), t, str(20 - i), str(60 - 5 * i - rng.randint(0, 3))] for i, t in enumerate(teams)]
    table = (
        '<table class="standings"><thead><tr><th>Pos</th><th>Team</th><th>Played</th><th>Points</th></tr>'
        "</thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        + "</tbody></table>"
    )
    s.extra_body = ["Pos Team Played Points", *[" ".join(r) for r in rows]]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": {"@type": "Person", "name": s.authors[0]},
    }
    head = f"<title>{e(s.title)}</title>{jsonld(ld)}"
    body = (
        f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}{table}</div></article>'
    )
    return page("standings_table", ["body_table"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def lead_outside(rng: random.Random) -> Page:
    s = story(rng)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": {"@type": "Person", "name": s.authors[0]},
    }
    head = f"<title>{e(s.title)}</title>{jsonld(ld)}"
    body = (
        f'<article><header class="article-header"><h1>{e(s.title)}</h1><p class="article-lead">'
        f'{e(s.paragraphs[0])}</p></header><div class="article-body">{ps(s.paragraphs[1:])}</div>'
        f"</article>"
    )
    return page("lead_outside", ["body_lead"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def title_variants(rng: random.Random) -> Page:
    s = story(rng)
    site = s.site
    form = rng.randrange(5)
    full = [
        f"{s.title} | {site}",
        f"{s.title} - {site}",
        f"{site} » {s.title}",
        f"{s.title} – {site}",
        f"{s.title} :: {site}",
    ][form]
    head = (
        f'<title>{e(full)}</title><meta property="og:title" content="{e(full)}"><meta '
        f'property="og:site_name" content="{e(site)}"><meta property="article:published_time" '
        f'content="{iso(s.local)}"><meta name="author" content="{e(s.authors[0])}">'
    )
    body = f'<article><div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page("title_variants", ["title_site"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def coauthors(rng: random.Random) -> Page:
    s = story(rng, authors=rng.choice([2, 3]))
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": {"@type": "Person", "name": by(s.authors)},
    }
    head = f"<title>{e(s.title)}</title>{jsonld(ld)}"
    body = (
        f'<article><h1>{e(s.title)}</h1><p class="byline">By {e(by(s.authors))}</p>'
        f'<div class="article-body">{ps(s.paragraphs)}</div></article>'
    )
    return page("coauthors", ["authors_and"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


def meta_late_latin(rng: random.Random) -> Page:
    s = story(rng)
    s.title = s.title + " \u2014 Caf\u00e9 owners react"
    head = (
        f'<title>{e(s.title)}</title>{SCRIPTS}{SCRIPTS}{SCRIPTS}{SCRIPTS}<meta charset="windows-1252">'
        f'<meta property="article:published_time" content="{iso(s.local)}">'
    )
    body = (
        f'<article><h1>{e(s.title)}</h1><p class="byline">By {e(s.authors[0])}</p><div class="article-body">'
        f"{ps(s.paragraphs)}</div></article>"
    )
    return page(
        "meta_charset_late_cp1252",
        ["encoding_meta_late", "byline"],
        s,
        "<!DOCTYPE html>" + shell(s, head, body, charset_meta=""),
        s.gold(),
        encoding="cp1252",
        content_type="text/html",
    )


def plain_jsonld(rng: random.Random) -> Page:
    """The tidy case every parser gets right: it keeps the figures honest."""
    s = story(rng)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "datePublished": iso(s.local),
        "author": [{"@type": "Person", "name": a} for a in s.authors],
        "publisher": {"@type": "Organization", "name": s.site},
    }
    head = f'<title>{e(s.title)}</title><meta property="og:title" content="{e(s.title)}">{jsonld(ld)}'
    body = f'<article><h1>{e(s.title)}</h1><div class="article-body">{ps(s.paragraphs)}</div></article>'
    return page("plain_jsonld", ["control"], s, "<!DOCTYPE html>" + shell(s, head, body), s.gold())


FAMILIES = [
    wp_yoast,
    newspaper_theme,
    arc_xp,
    nextjs_ssr,
    ie_conditional,
    drupal,
    amp,
    blogger,
    substack,
    ghost,
    medium,
    de_news,
    fr_news,
    es_news,
    ja_news,
    ar_news,
    http_header_latin,
    bom_utf8,
    parsely,
    rnews,
    original_pub_date,
    sailthru,
    dc_date,
    itemprop_outside,
    time_pubdate,
    visible_dateline,
    jsonld_unix,
    publisher_author,
    facebook_author,
    print_notice,
    split_body,
    standings_table,
    lead_outside,
    title_variants,
    coauthors,
    meta_late_latin,
    plain_jsonld,
]


def pages(per_family: int = 5, seed: int = 13) -> list[Page]:
    out = []
    for family in FAMILIES:
        rng = random.Random(f"{seed}:{family.__name__}")
        out.extend(family(rng) for _ in range(per_family))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-family", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with (args.out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for p in pages(args.per_family, args.seed):
            counts[p.family] = counts.get(p.family, 0) + 1
            name = f"{p.family}-{counts[p.family]}.html"
            (args.out / name).write_bytes(p.body)
            gold.write(
                json.dumps(
                    {
                        "file": name,
                        "url": p.url,
                        "content_type": p.content_type,
                        "family": p.family,
                        "classes": p.classes,
                        **p.gold,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"{sum(counts.values())} pages in {len(counts)} families -> {args.out}")


if __name__ == "__main__":
    main()
