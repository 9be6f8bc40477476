"""HTML article pages -> raw rows: JSON-LD, meta tags, main text (listing pages: transforms/listing.py).

The main text comes from trafilatura (a maintained extractor that does this better than a heuristic of
ours: 2.6 ms per sample page here), with our container heuristic as the fallback when it finds nothing;
metadata comes from JSON-LD first, then meta tags, then the markup.

Pure: bytes in, rows out. Where a value comes from is kept (`published_source`), because a date read from
JSON-LD is worth more than one read from a <time> tag, and analysts ask.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import lxml.html
import polars as pl
from lxml import etree

from transforms.authors import page_authors
from transforms.decode import decode_page
from transforms.normalise import absolute_url, clean_text, name_key, web_url_or_none
from transforms.page_dates import published_date
from transforms.titles import domain_key, page_title, site_parts

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

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "OpinionNewsArticle", "LiveBlogPosting", "SocialMediaPosting", "WebPage"}
# Elements whose text is never article body: navigation, asides, bylines, promos, comment widgets.
BOILERPLATE_CLASSES = ("byline", "newsletter", "promo", "comments", "related", "share", "advert",
                       "app-banner", "app-footer", "subscribe")
BOILERPLATE_XPATH = "|".join(  # one walk of the tree for the classes
    ["//script", "//style", "//noscript", "//nav", "//header", "//footer", "//aside", "//form", "//iframe"]
    + ["//*[" + " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')"
                            for c in BOILERPLATE_CLASSES) + "]"])
# A lead (standfirst) paragraph a template puts before the body container.
LEAD_XPATH = ("//p[contains(concat(' ', normalize-space(@class), ' '), ' lead ')"
              " or contains(@class, 'article-lead') or contains(@class, '__lead')"
              " or contains(@class, 'standfirst')]")
# Posts embedded in the text (their quoted words are part of the story).
EMBED_XPATH = ("//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
               " or contains(@class, 'bluesky-embed') or contains(@class, 'mastodon-embed')]")
# Where the main text is looked for, most specific first; the first place holding paragraphs wins.
BODY_CONTAINERS = ("//*[@itemprop='articleBody'] | //*[contains(@class,'article-body')]", "//article",
                   "//main", "//body")


class PageParseError(ValueError):
    """An HTML page that cannot be read; the message says why."""


def _utf8(body: bytes, url: str, content_type: str | None = None) -> bytes:
    """The page re-encoded as UTF-8 after decoding it as a browser would (transforms.decode: BOM, HTTP
    charset, a meta charset anywhere in the first bytes, detection)."""
    if not body or not body.strip():
        raise PageParseError(f"empty page: {url}")
    return decode_page(body, content_type).encode("utf-8")


def _utf8_tree(text: bytes, url: str):
    """The parsed page; lxml is told the bytes are UTF-8, so it never guesses from a meta tag."""
    try:
        return lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(encoding="utf-8"),
                                             base_url=url)
    except (etree.ParserError, ValueError) as exc:
        raise PageParseError(f"unreadable HTML at {url}: {exc}") from exc


def html_root(body: bytes, url: str, content_type: str | None = None):
    return _utf8_tree(_utf8(body, url, content_type), url)


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


def _article_jsonld(objects: list[dict]) -> dict:
    candidates = [o for o in objects if _types(o) & ARTICLE_TYPES]
    # prefer a real article type over a generic WebPage
    candidates.sort(key=lambda o: "WebPage" in _types(o))
    return candidates[0] if candidates else {}


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


def _first_text(root, xpath: str) -> str | None:
    """The text of the first element `xpath` finds, white space collapsed."""
    found = root.xpath(xpath)
    text = " ".join(found[0].text_content().split()) if found else ""
    return text or None


def paragraph_text(container) -> str:
    paragraphs = [p.text_content() for p in container.xpath(".//p")]
    return "\n\n".join(p.strip() for p in paragraphs if p and p.strip())


def main_text(body: bytes) -> str | None:
    """The article's main text as trafilatura extracts it (precision first: no navigation, comments,
    related links or promos; tables inside the text kept: a results table can be the article),
    paragraphs separated by a blank line; None if it finds none. `body` is UTF-8.
    A pure function of the bytes: trafilatura's repeated-segment filter gets a fresh cache on every call.
    Its default (`deduplicate=True`) counts segments in one cache per process, so a page's text depended on
    the pages parsed before it: the fourth copy of a syndicated story lost every shared paragraph.
    Within one page the filter still drops a segment repeated more than twice (boilerplate).
    trafilatura is imported here, not with the module: a run that parses no page never pays for it."""
    import trafilatura
    from trafilatura.deduplication import LRUCache
    from trafilatura.settings import LRU_SIZE

    text = trafilatura.extract(body, favor_precision=True, include_comments=False, include_tables=True,
                               deduplicate=LRUCache(maxsize=LRU_SIZE))
    if not text:
        return None
    return clean_text("\n\n".join(line for line in text.splitlines() if line.strip()))


def _outermost(nodes: list) -> list:
    chosen = set(nodes)
    return [n for n in nodes if not any(a in chosen for a in n.iterancestors())]


def _body_text(root) -> str | None:
    """Our container reading: the paragraphs of the most specific container that has any (every article
    body container of the page joined in document order: a text split by an advert or a newsletter box
    into two; else <article>, <main>, <body>, the richest if several), navigation, asides, bylines and
    promos removed first. Mutates `root`."""
    for node in root.xpath(BOILERPLATE_XPATH):
        node.drop_tree()
    for i, xpath in enumerate(BODY_CONTAINERS):
        texts = [paragraph_text(c) for c in _outermost(root.xpath(xpath))]
        best = "\n\n".join(t for t in texts if t) if i == 0 else max(texts, key=len, default="")
        if best:
            return clean_text(best)
    return None


_WORD = re.compile(r"\w+")


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").casefold())


def _holds(whole: str, part: str, share: float = 0.9) -> bool:
    """Whether `whole` holds at least `share` of the words of `part`."""
    words, pool = _words(part), Counter(_words(whole))
    if not words:
        return True
    found = 0
    for w in words:
        if pool[w] > 0:
            pool[w] -= 1
            found += 1
    return found >= share * len(words)


def best_body(extracted: str | None, containers: str | None, lead: str | None = None,
              embeds: tuple[str, ...] = ()) -> str | None:
    """The main text: trafilatura's, unless our container reading holds all of it and clearly more (a
    second body container, a text precision mode cut down to a print notice) or holds the embedded posts
    (tweets) it dropped; with the lead paragraph first when the body container left it out, and embedded
    posts no reading kept at the end."""
    body = extracted
    missing = [e for e in embeds if not (extracted and _holds(extracted, e))]
    if containers and (not extracted or (_holds(containers, extracted) and (
            len(_words(containers)) > 1.15 * len(_words(extracted))
            or (missing and all(_holds(containers, e) for e in missing))))):
        body = containers
    if body:
        body = "\n\n".join([body, *(e for e in embeds if not _holds(body, e))])
    if body and lead and not _holds(body, lead):
        body = f"{lead}\n\n{body}"
    return body


def _web_link(page_url: str, link: str | None) -> str | None:
    """A link found on a page, made absolute, if it is http(s); None otherwise (a `javascript:`, `data:`
    or `file:` canonical URL or image is never stored)."""
    return web_url_or_none(absolute_url(page_url, link)) if link else None


def _site_names(root, ld: dict, page_url: str) -> set[str]:
    """name_key of the names the site goes by: og:site_name, application-name, the JSON-LD publisher,
    and the page's domain."""
    publisher = ld.get("publisher")
    names = [_meta(root, "og:site_name"), _meta(root, "application-name"),
             publisher.get("name") if isinstance(publisher, dict) else None]
    keys = {name_key(n) for n in names if isinstance(n, str)} | {domain_key(page_url)}
    return {k for k in keys if k}


def parse_article_page(body: bytes, page_url: str, content_type: str | None = None) -> dict:
    """One article page as a row: canonical URL, title (without the site's name), authors, dates (with
    where they came from), language, section, lead image and the main text. `content_type`: the HTTP
    Content-Type the page came with (its charset is how the bytes are decoded, unless a BOM says
    otherwise)."""
    text = _utf8(body, page_url, content_type)
    root = _utf8_tree(text, page_url)
    objects = _jsonld_objects(root)
    ld = _article_jsonld(objects)
    stated = (_first(root, "//link[@rel='canonical']/@href"), _meta(root, "og:url"),
              _text_value(ld.get("mainEntityOfPage")), _text_value(ld.get("url")))
    canonical = next((url for link in stated if (url := _web_link(page_url, link))), None)
    published, source = published_date(root, ld)
    sites = _site_names(root, ld, page_url)
    title_tag = _first(root, "//title/text()")
    title = page_title(_text_value(ld.get("headline")), _meta(root, "og:title", "twitter:title"),
                       _first_text(root, "//h1"), title_tag, sites)
    named_in_title = {name_key(p) for p in site_parts(" ".join((title_tag or "").split()), sites)[1]}
    row = {
        "page_url": page_url,
        "canonical_url": canonical,
        "title": clean_text(title),
        "description": clean_text(_text_value(ld.get("description")) or _meta(root, "og:description",
                                                                                "description")),
        "authors": page_authors(root, ld, objects, sites | named_in_title),
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
    lead = _first_text(root, LEAD_XPATH)
    embeds = tuple(t for node in root.xpath(EMBED_XPATH) if (t := paragraph_text(node)))
    extracted = main_text(text)
    # Our container reading only when trafilatura may have lost text: it found none, it left out an
    # embedded post, or it kept clearly less than the page's paragraphs hold. Last: it strips the tree.
    lost = (extracted is None or any(not _holds(extracted, e) for e in embeds)
            or len(extracted.split()) < 0.85 * sum(len(p.text_content().split()) for p in root.iter("p")))
    row["body"] = best_body(extracted, _body_text(root) if lost else None,
                            lead if lead and len(lead.split()) >= 8 else None, embeds)
    return row


def parse_article_pages(pages: list[tuple]) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Rows for the pages that parse, and (url, reason) for those that do not. Each page is
    (url, body) or (url, body, HTTP Content-Type)."""
    rows, errors = [], []
    for url, body, *content_type in pages:
        try:
            rows.append(parse_article_page(body, url, *content_type))
        except PageParseError as exc:
            errors.append((url, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one hostile page fails itself, never its source
            errors.append((url, f"unreadable page at {url}: {type(exc).__name__}: {exc}"))
    return pl.DataFrame(rows, schema=PAGE_SCHEMA), errors
