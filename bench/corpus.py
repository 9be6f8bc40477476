"""A deterministic benchmark corpus: N invented outlets, each with an RSS 2.0 feed of M items and one
article page per item, in exactly the shape of the bundled sample site (samples/site/):

    <out_dir>/<outlet-slug>/rss.xml                    RSS 2.0, RELATIVE <link>articles/<slug>.html</link>
    <out_dir>/<outlet-slug>/articles/<slug>.html       rel=canonical, og:/meta tags, JSON-LD NewsArticle,
                                                       <article><div class="article-body"><p>...</p>...

plus `write_sources()` for a sources.toml pointing at wherever the site is served.

Standard library only, seeded `random.Random`: the same arguments always give byte-identical files.

Texts are built from sentence templates over pools of invented people (first + last name on first mention,
later the surname alone or with "Mr"/"Ms"/"President"), organisations, countries, cities, numbers and
dates, so spaCy's NER has a realistic amount of work. Lengths: 250-700 words (triangular, mean ~450) in
5-10 paragraphs. About 5% of articles are syndicated: the identical title and body appear in a second
outlet under that outlet's own URL. Publish dates are spread over the 14 days before REFERENCE_DATE.

    python bench/corpus.py OUT_DIR [--outlets 10] [--articles-per-outlet 50] [--seed 0] [--base-url URL]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

REFERENCE_DATE = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
WINDOW = timedelta(days=14)
SYNDICATED_SHARE = 0.05
GENERATOR_VERSION = 1  # bump when the output changes, so cached corpora are regenerated

# --- pools ------------------------------------------------------------------------------------------------

FIRST_F = ["Amelia", "Sofia", "Hannah", "Ingrid", "Priya", "Leila", "Maren", "Chiara", "Aisha", "Freya",
           "Beatriz", "Elena", "Nadia", "Rosalind", "Yuki", "Tamsin", "Oksana", "Grace", "Marta", "Keziah",
           "Imogen", "Lucia", "Saoirse", "Annika", "Zainab", "Helena", "Wanjiru", "Clara", "Mei", "Dagny"]
FIRST_M = ["Tomasz", "Callum", "Rafael", "Henrik", "Oluwaseun", "Matthias", "Diego", "Arjun", "Pieter",
           "Stellan", "Kwame", "Luca", "Dmitri", "Ewan", "Hamid", "Jonas", "Mateo", "Rory", "Kenji",
           "Anders", "Idris", "Bruno", "Feargal", "Viktor", "Samir", "Tobias", "Olusegun", "Marek", "Cyril",
           "Gareth"]
LAST = ["Halvorsen", "Okafor", "Brannigan", "Castellano", "Lindqvist", "Achterberg", "Moravec", "Tennant",
        "Quayle", "Ferreira-Lund", "Abernathy", "Sokolova", "Nakamura", "Varga", "Delacroix", "Mwangi",
        "Oyelaran", "Ritter", "Kowalczyk", "Hargreaves", "Pellegrini", "Strand", "Osei", "Marchetti",
        "Vasquez", "Thorne", "Kaminski", "Bergstrom", "Adeyemi", "Fairweather", "Lachance", "Novak",
        "Ashdown", "Rahimi", "Okonkwo", "Whitcombe", "Haugland", "Demir", "Castillo", "Farrant", "Iversen",
        "Mbeki", "Carraway", "Soltani", "Petrov", "Lindgren", "Ferraro", "Blackwood", "Nwosu", "Takahashi",
        "Oduya", "Kessler", "Montague", "Raines", "Sandoval", "Vukovic", "Elgin", "Oyama", "Baptiste",
        "Corrigan"]
ROLES = ["the finance minister", "the foreign minister", "the chief executive", "the chair",
         "a senior economist", "the health secretary", "the mayor", "a spokesperson", "the party leader",
         "the central bank governor", "the defence minister", "an analyst", "the general secretary",
         "the prime minister", "the energy minister", "a union organiser", "the head of research"]
ORG_STEMS = ["Northbridge", "Meridian", "Corvane", "Halden", "Ashgrove", "Veltra", "Kestrel", "Brightwater",
             "Solent", "Ironmere", "Calloway", "Harrowgate", "Portland", "Redfern", "Arden", "Blackstone",
             "Lindmark", "Oakhurst", "Thornbury", "Westmere", "Falkirk", "Greyhaven", "Stellaris", "Norvik"]
ORG_KINDS = ["Capital", "Energy", "Logistics", "Holdings", "Bank", "Pharmaceuticals", "Motors", "Airways",
             "Shipping", "Telecom", "Foundation", "Institute", "Group", "Mining", "Foods", "Insurance"]
BODIES = ["the European Commission", "the United Nations", "the World Health Organization",
          "the International Monetary Fund", "NATO", "the World Bank", "the African Union",
          "the Federal Reserve", "the European Central Bank", "the Bank of England",
          "the Confederation of British Industry", "the Red Cross", "Greenpeace", "Amnesty International",
          "the Trades Union Congress", "the International Energy Agency", "the OECD", "Interpol"]
COUNTRIES = ["France", "Germany", "Brazil", "Kenya", "Japan", "Canada", "India", "Norway", "Poland",
             "Nigeria", "Mexico", "Australia", "Indonesia", "Turkey", "Egypt", "Argentina", "Spain", "Italy",
             "Sweden", "South Korea", "Vietnam", "Ghana", "Chile", "Ukraine", "Portugal", "Morocco",
             "Ireland", "Denmark", "Finland", "Colombia", "Peru", "Thailand", "the Netherlands",
             "the Philippines", "South Africa", "New Zealand", "Greece", "Austria", "Romania", "Ethiopia"]
CITIES = ["Lyon", "Hamburg", "Sao Paulo", "Nairobi", "Osaka", "Toronto", "Mumbai", "Bergen", "Krakow",
          "Lagos", "Monterrey", "Perth", "Surabaya", "Izmir", "Alexandria", "Cordoba", "Valencia", "Turin",
          "Gothenburg", "Busan", "Da Nang", "Kumasi", "Valparaiso", "Kharkiv", "Porto", "Casablanca",
          "Cork", "Aarhus", "Tampere", "Medellin", "Geneva", "Brussels", "Vienna", "Manchester",
          "Glasgow", "Rotterdam", "Marseille", "Leeds", "Bristol", "Edinburgh"]
TOWN_A = ["Kirk", "Ash", "Hart", "Wick", "Stan", "Brack", "Thorn", "Mel", "Lang", "Ray", "Dun", "Hollow"]
TOWN_B = ["haven", "ley", "ford", "bury", "ton", "mouth", "wick", "field", "moor", "dale"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SECTIONS = ["World", "UK", "Business", "Politics", "Science", "Health", "Environment", "Europe",
            "Technology", "Sport"]
THINGS = ["energy bills", "the rail network", "fishing quotas", "the minimum wage", "housing supply",
          "carbon emissions", "hospital waiting lists", "broadband coverage", "food prices",
          "the pension age", "water quality", "defence spending", "port capacity", "tuition fees",
          "offshore wind", "the budget deficit", "grain exports", "battery factories"]
VERBS_NEWS = ["announced", "confirmed", "warned", "said", "revealed", "argued", "insisted", "suggested"]
PAPER_A = ["Kirkhaven", "Ashford", "Harbour", "Northern", "Eastbrook", "Westmoor", "Redcliffe", "Silverdale",
           "Marston", "Fenwick", "Highgate", "Lowther", "Brightwell", "Carrick", "Dunmore", "Elmstead",
           "Glenrowan", "Holloway", "Ivybridge", "Juniper", "Kingsmere", "Larkhill", "Millbrook", "Newhaven",
           "Oldcastle", "Pennant", "Queensferry", "Rosewood", "Stonebridge", "Tidewater"]
PAPER_B = ["Times", "Courier", "Herald", "Gazette", "Chronicle", "Post", "Observer", "Echo", "Mercury",
           "Argus", "Telegraph", "Advertiser", "Journal", "Standard", "Sentinel"]
TZ_OFFSETS = [0, 0, 0, 1, 1, 2, -5, 9]  # hours; most outlets publish in GMT


@dataclass(frozen=True)
class Outlet:
    name: str
    slug: str

    @property
    def domain(self) -> str:
        return f"{self.slug}.example"

    @property
    def homepage(self) -> str:
        return f"https://www.{self.domain}/"


@dataclass
class Article:
    outlet: Outlet
    index: int
    slug: str
    title: str
    description: str
    paragraphs: list[str]
    author: str
    section: str
    published: datetime          # aware, in the outlet's offset
    modified: datetime | None
    syndicated_from: str | None = None  # canonical URL of the original, for the manifest only

    @property
    def canonical(self) -> str:
        p = self.published
        return f"https://www.{self.outlet.domain}/{p:%Y/%m/%d}/{self.slug}"

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


# --- text -------------------------------------------------------------------------------------------------

def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_outlets(n: int, seed: int = 0) -> list[Outlet]:
    """`n` invented outlets with unique names ("Kirkhaven Herald") and slugs ("kirkhavenherald")."""
    rng = random.Random(f"outlets-{seed}")
    combos = [(a, b) for a in PAPER_A for b in PAPER_B]
    rng.shuffle(combos)
    if n > len(combos):
        raise ValueError(f"at most {len(combos)} outlets")
    outlets = []
    for a, b in combos[:n]:
        name = f"The {a} {b}" if rng.random() < 0.3 else f"{a} {b}"
        outlets.append(Outlet(name=name, slug=_slugify(f"{a}{b}")))
    return outlets


class _Cast:
    """The people, organisations and places of one article, and how each person is referred to."""

    def __init__(self, rng: random.Random, orgs: list[str]):
        self.rng = rng
        self.people = []
        for _ in range(rng.randint(2, 5)):
            female = rng.random() < 0.5
            first = rng.choice(FIRST_F if female else FIRST_M)
            last = rng.choice(LAST)
            role = rng.choice(ROLES)
            president = rng.random() < 0.12
            self.people.append({"first": first, "last": last, "female": female, "role": role,
                                "president": president, "mentioned": False})
        self.orgs = rng.sample(orgs, rng.randint(1, 3)) + rng.sample(BODIES, rng.randint(0, 2))
        self.countries = rng.sample(COUNTRIES, rng.randint(1, 3))
        self.cities = rng.sample(CITIES, rng.randint(1, 2))
        self.town = rng.choice(TOWN_A) + rng.choice(TOWN_B)

    def person(self) -> str:
        """A person: full name (with role, sometimes a title) on first mention, then a short form."""
        p = self.rng.choice(self.people)
        full = f"{p['first']} {p['last']}"
        if not p["mentioned"]:
            p["mentioned"] = True
            if p["president"]:
                return f"President {full}"
            return self.rng.choice([full, f"{p['role']}, {full},", full])
        r = self.rng.random()
        if p["president"] and r < 0.6:
            return f"President {p['last']}"
        if r < 0.35:
            return f"{'Ms' if p['female'] else 'Mr'} {p['last']}"
        if r < 0.85:
            return p["last"]
        return full

    def org(self) -> str:
        return self.rng.choice(self.orgs)

    def country(self) -> str:
        return self.rng.choice(self.countries)

    def city(self) -> str:
        return self.rng.choice(self.cities + [self.town])

    def money(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return f"£{self.rng.randint(2, 900)}m"
        if r < 0.8:
            return f"${self.rng.randint(1, 40)}bn"
        return f"€{self.rng.randint(5, 750)}m"

    def count(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return f"{self.rng.randint(1, 60):,},{self.rng.randint(0, 999):03d}"
        if r < 0.8:
            return f"{self.rng.randint(120, 990)}"
        return self.rng.choice(["two million", "several hundred", "a dozen", "tens of thousands"])

    def percent(self) -> str:
        if self.rng.random() < 0.7:
            return f"{self.rng.randint(2, 95)}%"
        return f"{self.rng.randint(1, 9)}.{self.rng.randint(1, 9)}%"

    def year(self) -> str:
        return str(self.rng.randint(2009, 2025))

    def date(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return f"on {self.rng.choice(WEEKDAYS)}"
        if r < 0.6:
            return f"on {self.rng.randint(1, 28)} {self.rng.choice(MONTHS)}"
        if r < 0.8:
            return f"in {self.rng.choice(MONTHS)} {self.rng.choice([2025, 2026, 2027, 2028])}"
        return self.rng.choice(["last year", "next spring", "by the end of the decade", "last month",
                                "earlier this week", "in the first quarter"])

    def thing(self) -> str:
        return self.rng.choice(THINGS)


# Sentence templates: {P} person, {O} organisation, {C} country, {Y} city, {M} sum of money, {K} count,
# {R} percentage, {Z} year, {D} date phrase ("on Tuesday", "in March 2027"), {T} thing, {V} reporting
# verb. Repeated slots of one sentence get different values where the pool allows.
TEMPLATES = [
    "{P} {V} {D} that {O} would spend {M} on {T} in {C}.",
    "Speaking in {Y}, {P} {V} that the plan was \"the only realistic option\" for {C}.",
    "{O} said it expected {T} to cost {M} over the next two years.",
    "The decision was taken {D} after talks between {P} and officials from {O}.",
    "{P} told reporters in {Y} that {C} had \"no intention\" of changing course on {T}.",
    "Figures published by {O} {D} showed that spending on {T} had risen by {R}.",
    "{P} has been critical of the approach, saying {C} risks falling behind its neighbours.",
    "Critics, including {P}, said the measures did not go far enough.",
    "The agreement covers {T} and is expected to take effect {D}.",
    "{O} shares rose {R} in early trading in {Y} after the announcement.",
    "In a statement, {O} {V} that it would \"study the proposals carefully\".",
    "{P} and {P} met in {Y} {D} to discuss {T}.",
    "Officials in {C} said about {K} people had been affected.",
    "The move follows a similar decision by {C} {D}, which {P} described as \"a turning point\".",
    "{P}, who has led {O} since {Z}, said the company remained committed to {Y}.",
    "Opposition politicians in {C} called on {P} to publish the full costings.",
    "{O} warned that {T} could become more expensive if the talks in {Y} failed.",
    "According to {O}, {C} now accounts for {R} of the market.",
    "The talks, hosted by {O} in {Y}, are due to resume {D}.",
    "{P} is expected to travel to {C} {D} for further meetings with {P}.",
    "Residents of {Y} have complained for years about {T}, according to {P}.",
    "The report, commissioned by {O}, found that {R} of households in {C} were affected.",
    "\"We have listened, and we will act,\" {P} said.",
    "\"This is a difficult moment for {C},\" {P} told a press conference in {Y}.",
    "Analysts at {O} said {T} would remain a priority for {C} and {C}.",
    "{P} declined to comment on reports that {O} had held talks with {O}.",
    "It is the first time since {Z} that {C} has agreed to such terms.",
    "Unions representing workers at {O} said they would ballot members {D}.",
    "The government of {C} has set aside {M} for the programme, {P} said.",
    "Protesters gathered outside the offices of {O} in {Y} {D}.",
    "Both sides described the meeting in {Y} as constructive.",
    "A further round of negotiations is planned {D}, with {O} acting as mediator.",
    "{P} said the figures were \"encouraging\" but warned against complacency.",
    "The cost of {T} in {C} has fallen by {R} since {Z}.",
    "{O} estimates that the changes will affect {K} people across {C}.",
]
HEADLINES = [
    "{O} to spend {M} on {T} in {C}",
    "{C} and {C} agree deal on {T}",
    "{P} warns of delays to {T}",
    "{Y} braces for changes to {T}",
    "{O} shares jump after {C} announcement",
    "Talks in {Y} end without deal on {T}",
    "{P} sets out plan for {T}",
    "{C} pledges {M} for {T} after {O} report",
]


def _fill(template: str, cast: _Cast) -> str:
    slots = {"P": cast.person, "O": cast.org, "C": cast.country, "Y": cast.city, "M": cast.money,
             "K": cast.count, "R": cast.percent, "Z": cast.year, "D": cast.date, "T": cast.thing,
             "V": lambda: cast.rng.choice(VERBS_NEWS)}
    fallback = {"C": lambda: cast.rng.choice(COUNTRIES), "Y": lambda: cast.rng.choice(CITIES)}
    used: set[str] = set()

    def key(value: str) -> str:  # a person is the same person by any name: "Mr Okafor", "Okafor"
        return value.rstrip(",").split()[-1]

    def pick(m: re.Match) -> str:
        value = slots[m.group(1)]()
        for _ in range(6):  # "France and France", "Okafor met Mr Okafor": try again
            if key(value) not in used:
                break
            value = slots[m.group(1)]()
        else:
            if m.group(1) in fallback:
                value = fallback[m.group(1)]()
        used.add(key(value))
        return value

    text = re.sub(r"\{([A-Z])\}", pick, template)
    text = text.replace(",,", ",").replace(",.", ".")
    return text[0].upper() + text[1:]


def _headline(cast: _Cast) -> str:
    # headlines name people by full name and are not counted as mentions in the body
    saved = [p["mentioned"] for p in cast.people]
    for p in cast.people:
        p["mentioned"] = True
    title = _fill(cast.rng.choice(HEADLINES), cast)
    title = re.sub(r"^(Mr|Ms) ", "", title)
    for p, was in zip(cast.people, saved, strict=True):
        p["mentioned"] = was
    return title


def _body(rng: random.Random, cast: _Cast) -> list[str]:
    target = round(rng.triangular(250, 700, 380))  # mean (250+700+380)/3 = 443, ~455 as written
    target = min(700, max(250, target))
    sentences: list[str] = []
    words = 0
    while True:
        s = _fill(rng.choice(TEMPLATES), cast)
        n = len(s.split())
        if words + n > 700 and words >= 250:
            break
        sentences.append(s)
        words += n
        if words >= target:
            break
    n_par = min(rng.randint(5, 10), len(sentences))
    # paragraphs of roughly equal size, give or take a sentence
    bounds = [0] + [round(i * len(sentences) / n_par) + rng.choice((-1, 0, 0, 1)) for i in range(1, n_par)]
    bounds = sorted(set(min(max(b, 1), len(sentences) - 1) for b in bounds[1:]) | {0, len(sentences)})
    return [" ".join(sentences[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _orgs_pool(rng: random.Random) -> list[str]:
    pool = [f"{a} {b}" for a in ORG_STEMS for b in ORG_KINDS]
    rng.shuffle(pool)
    return pool[:160]


def make_articles(outlets: list[Outlet], articles_per_outlet: int, seed: int = 0) -> list[Article]:
    rng = random.Random(seed)
    orgs = _orgs_pool(rng)
    articles: list[Article] = []
    for outlet in outlets:
        tz = timezone(timedelta(hours=rng.choice(TZ_OFFSETS)))
        reporters = [f"{rng.choice(FIRST_F + FIRST_M)} {rng.choice(LAST)}" for _ in range(rng.randint(4, 12))]
        used: set[str] = set()
        for i in range(articles_per_outlet):
            cast = _Cast(rng, orgs)
            title = _headline(cast)
            paragraphs = _body(rng, cast)
            slug = _slugify(title)[:70].strip("-")
            if slug in used:
                slug = f"{slug}-{i}"
            used.add(slug)
            published = (REFERENCE_DATE - WINDOW * rng.random()).replace(microsecond=0, second=0)
            published = published.astimezone(tz)
            modified = published + timedelta(minutes=rng.randint(5, 600)) if rng.random() < 0.3 else None
            if modified and modified > REFERENCE_DATE:
                modified = None
            description = paragraphs[0].split(". ")[0].rstrip(".") + "."
            articles.append(Article(outlet=outlet, index=i, slug=slug, title=title, description=description,
                                    paragraphs=paragraphs, author=rng.choice(reporters),
                                    section=rng.choice(SECTIONS), published=published, modified=modified))
    _syndicate(rng, articles, len(outlets))
    return articles


def _syndicate(rng: random.Random, articles: list[Article], n_outlets: int) -> None:
    """About 5% of articles become copies of an article of another outlet: same title, description and
    body, published a little later, under the copying outlet's own URL."""
    if n_outlets < 2:
        return
    n = round(len(articles) * SYNDICATED_SHARE)
    order = list(range(len(articles)))
    rng.shuffle(order)
    copies, originals = order[:n], order[n:]
    for ci in copies:
        copy = articles[ci]
        while True:
            orig = articles[rng.choice(originals)]
            if orig.outlet != copy.outlet:
                break
        copy.title, copy.description = orig.title, orig.description
        copy.paragraphs = list(orig.paragraphs)
        copy.section = orig.section
        copy.author = rng.choice([orig.author, "Wire staff"])
        later = orig.published + timedelta(minutes=rng.randint(10, 360))
        copy.published = min(later, REFERENCE_DATE).astimezone(copy.published.tzinfo)
        copy.modified = None
        copy.slug = f"{orig.slug}-{copy.index}"
        copy.syndicated_from = orig.canonical


# --- rendering --------------------------------------------------------------------------------------------

NAV = ('<header class="site-header"><nav>Home · World · UK · Politics · Business · Sport · Subscribe · '
       'Log in</nav></header>')


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render_page(a: Article) -> str:
    o = a.outlet
    image = f"https://www.{o.domain}/images/{a.slug}.jpg"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
          "description": a.description, "datePublished": a.published.isoformat()}
    if a.modified:
        ld["dateModified"] = a.modified.isoformat()
    ld.update({"author": [{"@type": "Person", "name": a.author}],
               "publisher": {"@type": "Organization", "name": o.name},
               "mainEntityOfPage": a.canonical, "url": a.canonical, "inLanguage": "en-GB",
               "articleSection": a.section, "image": image})
    ld_text = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    when = a.published
    paragraphs = "\n".join(f"<p>{_e(p)}</p>" for p in a.paragraphs)
    related = f'<a href="https://www.{o.domain}/">More from {_e(o.name)}</a>'
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{_e(a.title)} | {_e(o.name)}</title>
<link rel="canonical" href="{_e(a.canonical)}">
<meta property="og:title" content="{_e(a.title)}">
<meta property="og:url" content="{_e(a.canonical)}">
<meta property="og:site_name" content="{_e(o.name)}">
<meta property="og:image" content="{_e(image)}">
<meta name="description" content="{_e(a.description)}">
<meta name="author" content="{_e(a.author)}">
<meta property="article:section" content="{_e(a.section)}">
<meta property="article:published_time" content="{when.isoformat()}">
<script type="application/ld+json">
{ld_text}
</script>
</head>
<body>
{NAV}
<main>
<article>
<h1>{_e(a.title)}</h1>
<p class="byline">By {_e(a.author)}</p>
<time datetime="{when.isoformat()}">{when:%A} {when.day} {when:%B %Y, %H:%M}</time>
<div class="article-body">
{paragraphs}
</div>
</article>
<aside class="related"><h2>Related Articles</h2><ul><li>{related}</li></ul></aside>
<div class="newsletter">Sign up to our free morning briefing. DOWNLOAD THE APP</div>
<div class="comments">Comments<br>No comments yet...</div>
</main>
<footer>© 2026 {_e(o.name)}. All rights reserved.</footer>
</body></html>
"""


def render_feed(outlet: Outlet, articles: list[Article], prefix: str) -> str:
    items = []
    for a in sorted(articles, key=lambda a: a.published, reverse=True):
        items.append(f"""<item>
  <title>{_e(a.title)}</title>
  <link>articles/{a.slug}.html</link>
  <guid isPermaLink="false">{prefix}-{a.index + 1:05d}</guid>
  <pubDate>{format_datetime(a.published)}</pubDate>
  <description>{_e(a.description)}</description>
  <dc:creator>{_e(a.author)}</dc:creator>
  <category>{_e(a.section)}</category>
</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{_e(outlet.name)}</title>
<link>{outlet.homepage}</link>
<description>News, business, sport and weather from {_e(outlet.name)}</description>
<language>en-gb</language>
<lastBuildDate>{format_datetime(REFERENCE_DATE)}</lastBuildDate>
{chr(10).join(items)}
</channel>
</rss>
"""


def generate_site(out_dir: str | Path, outlets: int = 10, articles_per_outlet: int = 50,
                  seed: int = 0) -> dict:
    """Write the site under `out_dir` and return its manifest (also written to manifest.json): the
    outlets, article and word counts, syndicated copies."""
    out = Path(out_dir)
    outlet_list = make_outlets(outlets, seed)
    articles = make_articles(outlet_list, articles_per_outlet, seed)
    by_outlet: dict[str, list[Article]] = {o.slug: [] for o in outlet_list}
    for a in articles:
        by_outlet[a.outlet.slug].append(a)
    total_bytes = 0
    for o in outlet_list:
        pages = out / o.slug / "articles"
        pages.mkdir(parents=True, exist_ok=True)
        for a in by_outlet[o.slug]:
            data = render_page(a).encode("utf-8")
            (pages / f"{a.slug}.html").write_bytes(data)
            total_bytes += len(data)
        feed = render_feed(o, by_outlet[o.slug], o.slug[:8]).encode("utf-8")
        (out / o.slug / "rss.xml").write_bytes(feed)
        total_bytes += len(feed)
    words = [a.words for a in articles]
    manifest = {
        "generator_version": GENERATOR_VERSION, "seed": seed, "outlets": outlets,
        "articles_per_outlet": articles_per_outlet, "articles": len(articles),
        "syndicated": sum(a.syndicated_from is not None for a in articles),
        "words_total": sum(words), "words_mean": round(sum(words) / len(words), 1) if words else 0,
        "words_min": min(words, default=0), "words_max": max(words, default=0),
        "bytes": total_bytes, "reference_date": REFERENCE_DATE.isoformat(),
        "outlet_list": [{"name": o.name, "slug": o.slug, "domain": o.domain} for o in outlet_list],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _toml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid TOML basic string for these values


def write_sources(path: str | Path, base_url: str, outlets, source_flags: dict[str, bool] | None = None
                  ) -> Path:
    """A sources.toml for the site served at `base_url`: an [[outlets]] entry and an RSS [[sources]]
    entry (follow_links = true) per outlet. `outlets`: a list of Outlet, of manifest outlet dicts, or
    an int (the first N outlets of make_outlets). `source_flags`: more true/false fields for every
    [[sources]] entry, e.g. {"allow_private_hosts": True} for a project that refuses article links into
    loopback unless told otherwise (the site is served on 127.0.0.1)."""
    if isinstance(outlets, int):
        outlets = make_outlets(outlets)
    items = [o if isinstance(o, Outlet) else Outlet(name=o["name"], slug=o["slug"]) for o in outlets]
    base = base_url.rstrip("/")
    lines = [f"# benchmark corpus served at {base}; generated by bench/corpus.py", ""]
    for o in items:
        lines += ["[[outlets]]", f"name = {_toml_str(o.name)}", f"domain = {_toml_str(o.domain)}",
                  f"homepage = {_toml_str(o.homepage)}", ""]
    for o in items:
        lines += ["[[sources]]", f"name = {_toml_str(o.slug)}", 'kind = "rss"',
                  f"url = {_toml_str(f'{base}/{o.slug}/rss.xml')}", f"outlet = {_toml_str(o.name)}",
                  "follow_links = true",
                  *[f"{key} = {'true' if value else 'false'}" for key, value in (source_flags or {}).items()],
                  ""]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--articles-per-outlet", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--base-url", help="also write OUT_DIR/sources.toml for a site served here")
    args = parser.parse_args()
    manifest = generate_site(args.out_dir, args.outlets, args.articles_per_outlet, args.seed)
    if args.base_url:
        write_sources(args.out_dir / "sources.toml", args.base_url, manifest["outlet_list"])
    print(json.dumps({k: v for k, v in manifest.items() if k != "outlet_list"}, indent=1))


if __name__ == "__main__":
    main()
