"""HTML pages -> raw rows: article pages (JSON-LD, meta tags, main text) and aggregator listing pages (cards).

The main text comes from trafilatura (a maintained extractor that does this better than a heuristic of
ours: 2.6 ms per sample page here), with our container heuristic as the fallback when it finds nothing;
metadata comes from JSON-LD first, then meta tags, then the markup.

Pure: bytes in, rows out. Where a value comes from is kept (`published_source`), because a date read from
JSON-LD is worth more than one read from a <time> tag, and analysts ask.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import lxml.html
import polars as pl
import trafilatura
from lxml import etree
from trafilatura.deduplication import LRUCache
from trafilatura.settings import LRU_SIZE

from transforms.normalise import absolute_url, clean_text, web_url_or_none

PAGE_SCHEMA = {
    "page_url": pl.String,
    "canonical_url": pl.String,
    "title": pl.String,
    "description": pl.String,
    "body": pl.String,
    "authors": pl.List(pl.String),
    "published_text": pl.String,
    "published_source": pl.String,
    "modified_text": pl.String,
    "language": pl.String,
    "section": pl.String,
    "image_url": pl.String,
    "site_name": pl.String,
}

LISTING_SCHEMA = {
    "item_url": pl.String,
    "title": pl.String,
    "outlet_name": pl.String,
    "time_text": pl.String,
    "text": pl.String,
}

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "OpinionNewsArticle", "LiveBlogPosting", "WebPage"}
# Elements whose text is never article body: navigation, asides, bylines, promos, comment widgets.
BOILERPLATE_CLASSES = ("byline", "newsletter", "promo", "comments", "related", "share", "advert",
                       "app-banner", "app-footer", "subscribe")
BOILERPLATE_XPATH = "|".join(
    ["//script", "//style", "//noscript", "//nav", "//header", "//footer", "//aside", "//form", "//iframe"]
    + [f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')]" for c in BOILERPLATE_CLASSES])
# Where the main text is looked for, most specific first; the first place holding paragraphs wins.
BODY_CONTAINERS = ("//*[@itemprop='articleBody'] | //*[contains(@class,'article-body')]", "//article",
                   "//main", "//body")


class PageParseError(ValueError):
    """An HTML page that cannot be read; the message says why."""


def _html_root(body: bytes, url: str):
    if not body or not body.strip():
        raise PageParseError(f"empty page: {url}")
    try:
        return lxml.html.document_fromstring(body, base_url=url)
    except (etree.ParserError, ValueError) as exc:
        raise PageParseError(f"unreadable HTML at {url}: {exc}") from exc


# --- JSON-LD ----------------------------------------------------------------------------------------------

def _jsonld_objects(root) -> list[dict]:
    """Every JSON object in the page's ld+json blocks, @graph flattened; broken blocks skipped."""
    objects: list[dict] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return objects


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _article_jsonld(root) -> dict:
    candidates = [o for o in _jsonld_objects(root) if _types(o) & ARTICLE_TYPES]
    # prefer a real article type over a generic WebPage
    candidates.sort(key=lambda o: "WebPage" in _types(o))
    return candidates[0] if candidates else {}


def _names(value) -> list[str]:
    """Author-like values ("x", {"name": "x"}, or lists of either) as a list of names."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _text_value(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


# --- meta tags and body -----------------------------------------------------------------------------------

def _meta(root, *keys: str) -> str | None:
    for key in keys:
        found = root.xpath("//meta[@property=$k or @name=$k or @itemprop=$k]/@content", k=key)
        values = [v.strip() for v in found if v and v.strip()]
        if values:
            return values[0]
    return None


def _first(root, xpath: str) -> str | None:
    found = root.xpath(xpath)
    return found[0].strip() if found and isinstance(found[0], str) and found[0].strip() else None


def _paragraph_text(container) -> str:
    paragraphs = [p.text_content() for p in container.xpath(".//p")]
    return "\n\n".join(p.strip() for p in paragraphs if p and p.strip())


def main_text(body: bytes) -> str | None:
    """The article's main text as trafilatura extracts it (precision first: no navigation, comments,
    related links or promos), paragraphs separated by a blank line; None if it finds none.
    A pure function of the bytes: trafilatura's repeated-segment filter gets a fresh cache on every call.
    Its default (`deduplicate=True`) counts segments in one cache per process, so a page's text depended on
    the pages parsed before it: the fourth copy of a syndicated story lost every shared paragraph.
    Within one page the filter still drops a segment repeated more than twice (boilerplate)."""
    text = trafilatura.extract(body, favor_precision=True, include_comments=False, include_tables=False,
                               deduplicate=LRUCache(maxsize=LRU_SIZE))
    if not text:
        return None
    return clean_text("\n\n".join(line for line in text.splitlines() if line.strip()))


def _body_text(root) -> str | None:
    """The fallback when trafilatura finds nothing: the paragraphs of the most specific container that
    has any (the article body, else <article>, <main>, <body>; the richest if several), with navigation,
    asides, bylines and promos removed first."""
    for node in root.xpath(BOILERPLATE_XPATH):
        node.drop_tree()
    for xpath in BODY_CONTAINERS:
        best = max((_paragraph_text(c) for c in root.xpath(xpath)), key=len, default="")
        if best:
            return clean_text(best)
    return None


def _web_link(page_url: str, link: str | None) -> str | None:
    """A link found on a page, made absolute, if it is http(s); None otherwise (a `javascript:`, `data:`
    or `file:` canonical URL or image is never stored)."""
    return web_url_or_none(absolute_url(page_url, link)) if link else None


def parse_article_page(body: bytes, page_url: str) -> dict:
    """One article page as a row: canonical URL, title, authors, dates (with where they came from),
    language, section, lead image and the main text."""
    root = _html_root(body, page_url)
    ld = _article_jsonld(root)
    stated = (_first(root, "//link[@rel='canonical']/@href"), _meta(root, "og:url"),
              _text_value(ld.get("mainEntityOfPage")), _text_value(ld.get("url")))
    canonical = next((url for link in stated if (url := _web_link(page_url, link))), None)
    published, source = None, None
    for candidate, where in ((ld.get("datePublished"), "jsonld"),
                             (_meta(root, "article:published_time", "datePublished", "pubdate"), "meta"),
                             (_first(root, "//article//time/@datetime"), "time_tag")):
        if isinstance(candidate, str) and candidate.strip():
            published, source = candidate.strip(), where
            break
    authors = _names(ld.get("author")) or ([a] if (a := _meta(root, "author", "article:author")) else [])
    title = (_text_value(ld.get("headline")) or _meta(root, "og:title")
             or _first(root, "//h1//text()") or _first(root, "//title/text()"))
    row = {
        "page_url": page_url,
        "canonical_url": canonical,
        "title": clean_text(title),
        "description": clean_text(_text_value(ld.get("description")) or _meta(root, "og:description",
                                                                                "description")),
        "authors": authors,
        "published_text": published,
        "published_source": source,
        "modified_text": _text_value(ld.get("dateModified")) or _meta(root, "article:modified_time"),
        "language": _text_value(ld.get("inLanguage")) or _first(root, "/html/@lang"),
        "section": _text_value(ld.get("articleSection")) or _meta(root, "article:section"),
        "image_url": _web_link(page_url, _text_value(ld.get("image")) or _meta(root, "og:image")),
        "site_name": _meta(root, "og:site_name") or _text_value((ld.get("publisher") or {}).get("name")
                                                               if isinstance(ld.get("publisher"), dict)
                                                               else None),
    }
    row["body"] = main_text(body) or _body_text(root)  # last: the fallback strips boilerplate from the tree
    return row


def parse_article_pages(pages: list[tuple[str, bytes]]) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Rows for the pages that parse, and (url, reason) for those that do not."""
    rows, errors = [], []
    for url, body in pages:
        try:
            rows.append(parse_article_page(body, url))
        except PageParseError as exc:
            errors.append((url, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one hostile page fails itself, never its source
            errors.append((url, f"unreadable page at {url}: {type(exc).__name__}: {exc}"))
    return pl.DataFrame(rows, schema=PAGE_SCHEMA), errors


# --- listing pages ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CardSelectors:
    """XPath expressions locating article cards on a listing page and the fields within each card
    (relative to the card). The defaults fit the bundled Daily8-style aggregator page."""

    card: str = "//article[contains(concat(' ', normalize-space(@class), ' '), ' story-card ')]"
    title: str = ".//*[contains(@class,'card-title')]"
    link: str = ".//*[contains(@class,'card-title')]//a/@href"
    outlet: str = ".//*[contains(@class,'card-outlet')]"
    time: str = ".//*[contains(@class,'card-time')]"
    text: str = ".//*[contains(@class,'card-text')]"


def _node_text(card, xpath: str) -> str | None:
    try:
        found = card.xpath(xpath)
    except etree.XPathError as exc:
        raise PageParseError(f"bad selector {xpath!r}: {exc}") from exc
    if not found:
        return None
    node = found[0]
    value = node if isinstance(node, str) else (
        _paragraph_text(node) or node.text_content())
    return clean_text(value)


def parse_listing_page(body: bytes, page_url: str, selectors: CardSelectors | None = None) -> pl.DataFrame:
    """Article cards of an aggregator page: link, title, outlet name as printed, time text as printed
    ("time33 minutes ago"), and the card's text. Everything outside the cards is ignored."""
    sel = selectors or CardSelectors()
    root = _html_root(body, page_url)
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
    return pl.DataFrame(rows, schema=LISTING_SCHEMA)
