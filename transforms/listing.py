"""Listing pages (aggregators, section fronts) -> cards: link, headline, outlet name as printed, time as
printed, text. Found without configuration, by the page's structure and content, not its class names:

1. `selectors` given in sources.toml win (CardSelectors: XPath per field).
2. Cards in the page's data: JSON-LD `ItemList`, and framework state blobs (`__NEXT_DATA__`, any
   `application/json` script) holding an array of objects with a URL and a title.
3. Cards in the markup: every link whose text reads as a headline (three words or more, to an http(s)
   page) is the heart of one card; the card is the largest block around it that holds no other headline.
   In it: the time is the text that reads as a time ("6 hours ago", "vor 2 Stunden", "2d", `<time>`), the
   outlet a short name (the one that names the link's host first: "Telegraph" for telegraph.co.uk, else
   a logo's `alt`, else the first short line), the text the longest sentence-like line. Blocks that ask
   for something (a form, "Sign up", "Download the app") or are marked as advertising are furniture.
4. The page's own story: a listing page that is also an article (a headline with paragraphs of its own
   outside every card, like the seed) gives that article too, at the page's canonical URL.

Pure: bytes in, a frame out (LISTING_SCHEMA).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import polars as pl
from lxml import etree

from transforms.normalise import (
    absolute_url,
    clean_text,
    name_key,
    parse_timestamp,
    relative_time_span,
    web_url_or_none,
)
from transforms.pages import PageParseError, html_root, paragraph_text

LISTING_SCHEMA = {
    "item_url": pl.String,
    "title": pl.String,
    "outlet_name": pl.String,
    "time_text": pl.String,
    "text": pl.String,
}


@dataclass(frozen=True)
class CardSelectors:
    """XPath expressions locating article cards on a listing page and the fields within each card
    (relative to the card): an override in sources.toml for a page the detection reads wrong. The
    defaults fit the bundled Daily8-style aggregator page, and are tried before the detection."""

    card: str = "//article[contains(concat(' ', normalize-space(@class), ' '), ' story-card ')]"
    title: str = ".//*[contains(@class,'card-title')]"
    link: str = ".//*[contains(@class,'card-title')]//a/@href"
    outlet: str = ".//*[contains(@class,'card-outlet')]"
    time: str = ".//*[contains(@class,'card-time')]"
    text: str = ".//*[contains(@class,'card-text')]"


MIN_HEADLINE_WORDS = 3
MAX_OUTLET_WORDS = 6
MAX_OUTLET_CHARS = 60
MIN_TEXT_WORDS = 8
MIN_STORY_WORDS = 80
FURNITURE_TAGS = {"nav", "header", "footer", "form", "noscript", "script", "style", "template", "select",
                  "button", "dialog"}
CARD_PARTS = {"header", "footer"}  # furniture of a page, but parts of a card inside an <article>
FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "complementary"}
ASKS = re.compile(r"\b(?:sign up|sign-up|signup|subscribe|newsletter|download the app|get the app|"
                  r"install the app|cookies|abonnieren|s'abonner|suscr[ií]bete)\b",
                  re.IGNORECASE)
ADVERTISING = re.compile(r"^\W*(?:ad|ads|advertisement|advertising|sponsored|promoted|paid content|"
                         r"anzeige|publicit[ée]|patrocinado|partner content)\W*$", re.IGNORECASE)
# A link to the listing's own site is an article only if its address reads like one: a slug, a number, an
# id, a .html page ("/en/ai", "/pro", "/events", "/subscribe" are the site's furniture).
ARTICLE_PATH = re.compile(r"/[^/]*-[^/]*-[^/]*|/[^/]*\d{4}|/[^/]{16,}|\.s?html?$|\.php", re.IGNORECASE)
PAID_QUERY = re.compile(r"(?:utm_medium|utm_source)=(?:sponsor|paid|cpc|display|native)", re.IGNORECASE)
AD_HOST = re.compile(r"(?:^|\.)(?:doubleclick|adsrvr|taboola|outbrain|revcontent|dartsearch|googleadservices|"
                     r"googlesyndication|adnxs|criteo|zergnet|mgid|adclick)\.", re.IGNORECASE)
AD_PATH = re.compile(r"/(?:sponsored|advert|adclick|ads?|promo|partner-content)(?:/|$|\?)", re.IGNORECASE)
NOT_OUTLET = re.compile(r"^(?:by\b|von\b|par\b|por\b|read more|more|comments?|share|save|related|"
                        r"updated|live|video|photos?|opinion|analysis|exclusive|breaking|\d)", re.IGNORECASE)
BULLETS = " \t\u2022\u00b7|\u2013\u2014-:"
CLOCK = re.compile(r"^\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\W*$", re.IGNORECASE)
ABSOLUTE_DATE = re.compile(
    r"^\W*(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}\s+\w{3,9}\.?\s+\d{4}|"
    r"\w{3,9}\.?\s+\d{1,2},\s+\d{4})\W*$")


# --- 1. selectors ---------------------------------------------------------------------------------------

def _node_text(card, xpath: str) -> str | None:
    try:
        found = card.xpath(xpath)
    except etree.XPathError as exc:
        raise PageParseError(f"bad selector {xpath!r}: {exc}") from exc
    if not found:
        return None
    node = found[0]
    value = node if isinstance(node, str) else (paragraph_text(node) or node.text_content())
    return clean_text(value)


def selector_cards(root, page_url: str, sel: CardSelectors) -> list[dict]:
    """Cards as the XPath selectors locate them."""
    try:
        cards = root.xpath(sel.card)
    except etree.XPathError as exc:
        raise PageParseError(f"bad card selector {sel.card!r}: {exc}") from exc
    rows = []
    for card in cards:
        link = _node_text(card, sel.link)
        rows.append({
            "item_url": absolute_url(page_url, link) if link else None,
            "title": _node_text(card, sel.title),
            "outlet_name": _node_text(card, sel.outlet),
            "time_text": _node_text(card, sel.time),
            "text": _node_text(card, sel.text),
        })
    return rows


# --- 2. cards in the page's data ------------------------------------------------------------------------

URL_KEYS = ("url", "link", "href", "canonicalUrl", "canonical_url", "articleUrl", "webUrl", "permalink")
TITLE_KEYS = ("headline", "title", "name", "heading")
OUTLET_KEYS = ("publisher", "source", "outlet", "provider", "site", "siteName", "site_name", "sourceName",
               "publication", "brand")
TIME_KEYS = ("datePublished", "publishedAt", "published_at", "pubDate", "publishDate", "date", "time",
             "timestamp", "firstPublished", "displayTime", "time_text", "timeAgo")
TEXT_KEYS = ("description", "summary", "snippet", "teaser", "abstract", "excerpt", "dek", "text")


def _string(value) -> str | None:
    if isinstance(value, dict):
        value = next((value[k] for k in ("name", "title", "text", "@value") if isinstance(value.get(k), str)),
                     None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    return clean_text(value) if isinstance(value, str) and value.strip() else None


def _first(obj: dict, keys: tuple[str, ...]) -> str | None:
    return next((s for k in keys if (s := _string(obj.get(k)))), None)


def _data_card(obj: dict, page_url: str) -> dict | None:
    """A card from one object of page data (a ListItem's `item` taken as the object), if it has an
    http(s) URL and a title."""
    inner = obj.get("item") if isinstance(obj.get("item"), dict) else {}
    merged = {**obj, **inner}
    raw_url = next((v for k in URL_KEYS if isinstance(v := merged.get(k), str) and v.strip()), None)
    if raw_url is None and isinstance(obj.get("item"), str):
        raw_url = obj["item"]
    url = web_url_or_none(absolute_url(page_url, raw_url.strip())) if raw_url else None
    title = _first(merged, TITLE_KEYS)
    if not url or not title:
        return None
    time_value = next((merged[k] for k in TIME_KEYS if merged.get(k) not in (None, "")), None)
    if isinstance(time_value, int | float) and not isinstance(time_value, bool) and time_value > 1e11:
        time_value = time_value / 1000  # milliseconds
    time_text = _string(time_value)
    if isinstance(time_value, int | float) and not isinstance(time_value, bool):
        time_text = datetime.fromtimestamp(time_value, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"item_url": url, "title": title, "outlet_name": _first(merged, OUTLET_KEYS),
            "time_text": time_text, "text": _first(merged, TEXT_KEYS)}


NOT_CARDS = {"BreadcrumbList", "SiteNavigationElement", "WebSite", "SearchAction"}


def _types_of(obj: dict) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _card_arrays(value, found: list[list[dict]]) -> None:
    """Every array of objects in a JSON value (depth first)."""
    if isinstance(value, list):
        objects = [v for v in value if isinstance(v, dict)]
        if len(objects) >= 2:
            found.append(objects)
        for v in value:
            _card_arrays(v, found)
    elif isinstance(value, dict) and not NOT_CARDS & set(_types_of(value)):
        for v in value.values():
            _card_arrays(v, found)


def data_cards(root, page_url: str) -> list[dict]:
    """Cards from JSON in the page: each JSON-LD ItemList, and the largest array of card-like objects in
    any other JSON script (`__NEXT_DATA__`, `window.__STATE__` blobs served as application/json)."""
    rows: list[dict] = []
    for script in root.xpath("//script[@type='application/ld+json' or @type='application/json' "
                             "or @id='__NEXT_DATA__' or @id='__NUXT_DATA__']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        arrays: list[list[dict]] = []
        _card_arrays([data] if isinstance(data, dict) else data, arrays)
        best = []
        for array in arrays:
            cards = [c for o in array if (c := _data_card(o, page_url))]
            if len(cards) >= 2 and len(cards) >= 0.5 * len(array) and len(cards) > len(best):
                best = cards
        rows.extend(best)
    return rows


# --- 3. cards in the markup -----------------------------------------------------------------------------

def _is_page_part(node) -> bool:
    """A header or footer of the page (not one of an <article>: a card's own footer holds its outlet)."""
    return node.tag in ("header", "footer") and not any(a.tag == "article" for a in node.iterancestors())


def _is_furniture(el) -> bool:
    """Whether an element sits in page furniture: navigation, the page's header and footer, forms,
    dialogs."""
    for node in el.iterancestors():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in CARD_PARTS:
            if _is_page_part(node):
                return True
            continue
        if tag in FURNITURE_TAGS or (node.get("role") or "").lower() in FURNITURE_ROLES:
            return True
        if node.get("aria-hidden") == "true" or node.get("hidden") is not None:
            return True
    return False


def _headline_links(root, page_url: str) -> list[tuple]:
    """(anchor, absolute URL, headline) for each link that reads as a headline, outside furniture."""
    page = urlsplit(page_url)
    links = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        url = web_url_or_none(absolute_url(page_url, href)) if href and not href.startswith("#") else None
        if not url:
            continue
        parts = urlsplit(url)
        if parts.path in ("", "/") or (parts.netloc == page.netloc and parts.path == page.path):
            continue
        # a link around a badge ("LIVE") and a heading: the heading is the headline
        heading = next((h for h in a.iter("h1", "h2", "h3", "h4", "h5", "h6")
                        if clean_text(h.text_content())), None)
        text = (clean_text((heading if heading is not None else a).text_content())
                or clean_text(a.get("title") or a.get("aria-label") or ""))
        if (not text or len(text.split()) < MIN_HEADLINE_WORDS or ASKS.search(text) or _is_furniture(a)
                or _names_brand(text, _brand(url))  # "Wall Street Journal" to wsj.com: an outlet's link
                or (parts.hostname == page.hostname and not ARTICLE_PATH.search(parts.path))):
            continue
        links.append((a, url, text))
    return links


def _card_blocks(links: list[tuple]) -> dict:
    """url -> the largest element around its links that holds no other headline URL."""
    urls_under: dict = {}
    for a, url, _ in links:
        for node in [a, *a.iterancestors()]:
            urls_under.setdefault(node, set()).add(url)
    blocks = {}
    for a, url, _ in links:
        node = a
        for parent in a.iterancestors():
            if parent.tag in ("body", "html") or len(urls_under[parent]) > 1:
                break
            node = parent
        if url not in blocks or _contains(node, blocks[url]):
            blocks[url] = node
    return blocks


def _contains(outer, inner) -> bool:
    return outer is inner or any(n is outer for n in inner.iterancestors())


def _segments(block, skip: set) -> list[tuple[str, object]]:
    """The block's lines of text in reading order, (text, element), leaving out the elements in `skip`
    (the headline links) and furniture inside the block."""
    out = []

    def walk(el):
        if not isinstance(el.tag, str) or el in skip or (
                el.tag in FURNITURE_TAGS and el.tag not in CARD_PARTS):
            return
        if el.text and el.text.strip():
            out.append((el.text, el))
        for child in el:
            walk(child)
            if child.tail and child.tail.strip():
                out.append((child.tail, el))

    walk(block)
    return [(t, el) for text, el in out if (t := clean_text(text))]


def _time_of(block, segments: list[tuple[str, object]]) -> tuple[str | None, int]:
    """The line of a block that holds its time as printed, and where the time starts in it (after an
    outlet glued before it: "Independent6 hours ago" -> 11); a `<time>` element's `datetime` when no
    line reads as a time."""
    for text, _ in segments:
        found = relative_time_span(text)
        if found and len(text.split()) <= 8:
            return text, found[0]
        if CLOCK.match(text) or (ABSOLUTE_DATE.match(text) and parse_timestamp(text.strip(" ,")) is not None):
            return text, 0
    for node in block.iter("time"):
        if value := node.get("datetime") or clean_text(node.text_content()):
            return value, 0
    return None, 0


def _split_glued(line: str | None, at: int) -> tuple[str | None, str | None]:
    """(outlet glued before the time, the time): "Independent6 hours ago" -> ("Independent", "6 hours
    ago"); a lower-case label is part of the time as printed ("time33 minutes ago")."""
    prefix = (line or "")[:at].strip(BULLETS)
    if line and at and prefix[:1].isupper():
        return prefix, line[at:]
    return None, line


def _brand(url: str) -> str:
    """The key of the name a link's host stands for: "www.telegraph.co.uk" -> "telegraph"."""
    labels = [x for x in (urlsplit(url).hostname or "").lower().split(".")
              if x not in ("www", "m", "amp", "news", "co", "com", "org", "net", "uk", "de", "fr", "es")]
    return name_key(labels[0]) if labels else ""


LOGO_SRC = re.compile(r"logo|favicon|icon|brand|/sources?/", re.IGNORECASE)
LOGO_MAX_WIDTH = 160


def _is_logo(img) -> bool:
    """An image that is an outlet's logo rather than a photograph: named so in its address, or small."""
    width = (img.get("width") or "").strip().removesuffix("px")
    return bool(LOGO_SRC.search(img.get("src") or "")) or (width.isdigit() and int(width) <= LOGO_MAX_WIDTH)


def _names_brand(name: str, brand: str) -> bool:
    """Whether a name is the one a host's brand stands for: "Telegraph" for telegraph, "The Verge" for
    theverge, "Financial Times" for ft (its initials)."""
    key = name_key(name)
    initials = "".join(w[0] for w in name.split() if w[:1].isalpha()).casefold()
    return bool(brand and key) and (brand in key or key in brand or (len(brand) >= 2 and initials == brand))


def _outlet_of(block, segments, title: str, time_text: str | None, glued: str | None, url: str) -> str | None:
    """The outlet as printed in a block: a link to the article's own host ("Financial Times" linked to
    ft.com) or a short line naming that host, else a logo's alt text, else the text glued before the time
    or the first short name-like line."""
    brand = _brand(url)
    candidates = []
    if glued:
        candidates.append(glued)
    for text, _ in segments:
        line = text.strip(BULLETS)
        if (not line or line in (title, time_text) or relative_time_span(line)
                or len(line.split()) > MAX_OUTLET_WORDS or len(line) > MAX_OUTLET_CHARS or CLOCK.match(line)
                or NOT_OUTLET.match(line) or ADVERTISING.match(line) or line.endswith((".", "?", "!"))
                or not line[:1].isupper()):
            continue
        candidates.append(line)
    alts = [clean_text(img.get("alt")) for img in block.iter("img") if clean_text(img.get("alt"))
            and (_is_logo(img) or _names_brand(img.get("alt"), _brand(url)))]
    alts = [a for a in alts if len(a.split()) <= MAX_OUTLET_WORDS and a != title]
    host = urlsplit(url).hostname
    linked = [t.strip(BULLETS) for t, el in segments if el.tag == "a" and el.get("href")
              and urlsplit(absolute_url(url, el.get("href"))).hostname == host
              and not (CLOCK.match(t) or relative_time_span(t) or t in (title, time_text))
              and len(t.split()) <= MAX_OUTLET_WORDS]
    named = [c for c in [*linked, *candidates, *alts] if c in linked or _names_brand(c, brand)]
    if named:
        return named[0]
    if alts:
        return alts[0]
    return candidates[0] if candidates else None


def _text_of(block, segments, title: str) -> str | None:
    paragraphs = [clean_text(p.text_content()) for p in block.iter("p")]
    lines = [t for t in paragraphs if t] or [t for t, _ in segments]
    lines = [t for t in lines if t != title and len(t.split()) >= MIN_TEXT_WORDS and not ASKS.search(t)]
    return max(lines, key=len) if lines else None


def _is_advertising(block, url: str, segments) -> bool:
    parts = urlsplit(url)
    if (AD_PATH.search(parts.path) or AD_HOST.search(parts.hostname or "") or PAID_QUERY.search(parts.query)
            or any(ADVERTISING.match(t) for t, _ in segments)):
        return True
    return any("sponsored" in (a.get("rel") or "").lower() for a in block.iter("a"))


def _asks(block, segments) -> bool:
    """A block that asks the reader for something: a form field, or a sign-up line (a card's own Save and
    Share buttons are not that)."""
    if any(el.tag in ("input", "form", "select", "textarea") for el in block.iter()):
        return True
    return any(ASKS.search(t) for t, _ in segments)


def markup_cards(root, page_url: str) -> tuple[list[dict], list]:
    """Cards found in the markup, and their blocks (so the page's own story can leave them out)."""
    links = _headline_links(root, page_url)
    blocks = _card_blocks(links)
    anchors_by_url: dict = {}
    for a, url, text in links:
        anchors_by_url.setdefault(url, []).append((a, text))
    shapes = Counter(_shape(b) for b in blocks.values())
    headlines = {a for a, _, _ in links}
    rows, kept = [], []
    for url, block in blocks.items():
        anchors = anchors_by_url[url]
        title = max((t for _, t in anchors), key=len)
        segments = [seg for el in [block, *_followers(block, headlines)]
                    for seg in _segments(el, {a for a, _ in anchors})]
        if _is_advertising(block, url, segments) or _asks(block, segments):
            continue
        glued, time_text = _split_glued(*_time_of(block, segments))
        row = {"item_url": url, "title": title,
               "outlet_name": _outlet_of(block, segments, title, time_text, glued, url),
               "time_text": time_text, "text": _text_of(block, segments, title)}
        if shapes[_shape(block)] == 1 and len(blocks) >= 3 and not (
                row["outlet_name"] or row["time_text"] or row["text"]):
            continue  # a lone link of its own shape, with nothing a card has: an "Archives" link, say
        rows.append(row)
        kept.append(block)
    return rows, kept


BARE_BLOCKS = {"dt", "h1", "h2", "h3", "h4", "h5", "h6", "a", "strong", "b"}
MAX_FOLLOWERS = 2


def _followers(block, headlines: set) -> list:
    """The siblings after a bare headline block that belong to its card: a definition list's <dd>, the
    outlet and teaser lines after an <h3> (at most MAX_FOLLOWERS, up to the next headline, never
    furniture)."""
    if block.tag not in BARE_BLOCKS:
        return []
    out = []
    for sibling in block.itersiblings():
        if (len(out) >= MAX_FOLLOWERS or not isinstance(sibling.tag, str) or sibling.tag in BARE_BLOCKS
                or sibling.tag in FURNITURE_TAGS or any(a in headlines for a in sibling.iter("a"))):
            break
        out.append(sibling)
    return out


def _shape(block) -> tuple:
    """What repeated cards share: their tag, their parent's tag and their depth in the page."""
    parent = block.getparent()
    return block.tag, parent.tag if parent is not None else None, sum(1 for _ in block.iterancestors())


# --- 4. the page's own story ----------------------------------------------------------------------------

def _canonical(root, page_url: str) -> str:
    for link in root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        if url := web_url_or_none(absolute_url(page_url, link.strip())):
            return url
    return page_url


def own_story(root, page_url: str, card_blocks: list) -> dict | None:
    """The article the page itself carries (a headline and paragraphs outside every card), if any."""

    def in_card(el) -> bool:
        return any(_contains(b, el) for b in card_blocks)

    paragraphs = [p for p in root.iter("p") if not in_card(p) and not _is_furniture(p)]
    by_parent: dict = {}
    for p in paragraphs:
        text = clean_text(p.text_content())
        if text and len(text.split()) >= MIN_TEXT_WORDS and not ASKS.search(text):
            by_parent.setdefault(p.getparent(), []).append(text)
    if not by_parent:
        return None
    container, texts = max(by_parent.items(), key=lambda kv: sum(len(t.split()) for t in kv[1]))
    if sum(len(t.split()) for t in texts) < MIN_STORY_WORDS:
        return None
    # its headline: the last h1/h2 before its first paragraph, in the same block as the paragraphs
    first = next(p for p in container.iter("p"))
    block = container.getparent() if container.getparent() is not None else container
    heading = None
    for el in block.iter("h1", "h2", "p"):
        if el is first:
            break
        if el.tag != "p" and not in_card(el) and clean_text(el.text_content()):
            heading = el
    if heading is None:
        return None
    # between the headline and the first paragraph: the outlet and the time ("Independent6 hours ago")
    after, segments = False, []
    for el in root.iter():
        if el is heading:
            after = True
            continue
        if not after or not isinstance(el.tag, str):
            continue
        if _contains(container, el) and el.tag == "p":
            break
        if _contains(heading, el) or in_card(el):
            continue
        for text in (el.text, el.tail):
            if text and (t := clean_text(text)):
                segments.append((t, el))
    glued, time_text = _split_glued(*_time_of(heading.getparent(), segments))
    url = _canonical(root, page_url)
    title = clean_text(heading.text_content())
    return {"item_url": url, "title": title,
            "outlet_name": _outlet_of(heading.getparent(), segments, title, time_text, glued, url),
            "time_text": time_text, "text": "\n\n".join(texts)}


# --- the page -------------------------------------------------------------------------------------------

def parse_listing_page(body: bytes, page_url: str, selectors: CardSelectors | None = None,
                       content_type: str | None = None) -> pl.DataFrame:
    """Article cards of a listing page, and the page's own story when it carries one: link, title,
    outlet name as printed, time text as printed ("time33 minutes ago"), and the text. Selectors other
    than the defaults win; else the default selectors, then the detection (see the module's docstring)."""
    root = html_root(body, page_url, content_type)
    given = selectors is not None and selectors != CardSelectors()
    rows = selector_cards(root, page_url, selectors if given else CardSelectors())
    if not rows and not given:
        found, blocks = markup_cards(root, page_url)
        seen = {r["item_url"] for r in found}
        rows = found + [r for r in data_cards(root, page_url) if r["item_url"] not in seen]
        story = own_story(root, page_url, blocks)
        if story and story["item_url"] not in {r["item_url"] for r in rows}:
            rows = [story, *rows]
    return pl.DataFrame(rows, schema=LISTING_SCHEMA)


def cards_warning(cards: pl.DataFrame) -> str | None:
    """A line for the run summary when most cards found lack an outlet or a time (the detection may have
    read the page wrong, or the page does not print them); None otherwise."""
    total = cards.height
    parts = [f"{missing} of {total} cards have no {field}"
             for field, column in (("outlet", "outlet_name"), ("time", "time_text"))
             if total and (missing := cards[column].null_count()) > total / 2]
    return "; ".join(parts) or None
