"""Feed discovery, pure: which feeds an HTML page announces, where a site's feed usually lives, and whether
a body is a feed (and which kind).

Nothing here fetches: `newsetl sources add` (newsetl/sources_cli.py) fetches the page and the candidates
and hands the bytes in.
"""

from __future__ import annotations

import codecs
import json
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.etree
import lxml.html

# <link rel="alternate" type=...> -> kind. application/json is taken as a JSON Feed candidate: some sites
# announce other JSON under it (WordPress's REST API), so a caller checks the body (sniff_kind).
LINK_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "jsonfeed",
    "application/json": "jsonfeed",
}

# Where sites usually publish a feed when their pages do not announce one, most common first.
COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/feed/",
    "/rss.xml",
    "/atom.xml",
    "/feed.xml",
    "/index.xml",
    "/feeds/all.atom.xml",
    "/news/rss.xml",
    "/feed.json",
)

_HTTP = ("http", "https")


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def _document(html: bytes):
    """The parsed page, or None when there is nothing to parse."""
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _absolute(href: str, base: str) -> str | None:
    """`href` resolved against `base`, without its fragment; None unless http(s)."""
    url = urljoin(base, href.strip())
    parts = urlsplit(url)
    if parts.scheme.lower() not in _HTTP or not parts.netloc:
        return None
    return urlunsplit(parts._replace(fragment=""))


def feed_links(html: bytes, page_url: str) -> list[tuple[str, str | None, str]]:
    """The feeds a page announces with <link rel="alternate" type="application/rss+xml" (atom+xml,
    feed+json, json)>: (absolute URL, title or None, kind rss|atom|jsonfeed), in document order, each URL
    once. Relative hrefs are resolved against the page's <base href> if any, else `page_url`."""
    doc = _document(html)
    if doc is None:
        return []
    base = page_url
    for href in doc.xpath("//base/@href"):
        if href.strip():
            base = urljoin(page_url, href.strip())
            break
    found: list[tuple[str, str | None, str]] = []
    seen: set[str] = set()
    for link in doc.xpath("//link[@href]"):
        rels = (link.get("rel") or "").lower().split()
        if "alternate" not in rels:
            continue
        media_type = (link.get("type") or "").split(";")[0].strip().lower()
        kind = LINK_TYPES.get(media_type)
        if kind is None:
            continue
        url = _absolute(link.get("href") or "", base)
        if url is None or url in seen:
            continue
        seen.add(url)
        found.append((url, _clean(link.get("title")), kind))
    return found


def candidate_urls(homepage_url: str) -> list[str]:
    """The common feed locations of a site: COMMON_FEED_PATHS under the page's own directory (when the
    page is below the root, e.g. https://example.com/news/), then under the site root; each once."""
    parts = urlsplit(homepage_url)
    if parts.scheme.lower() not in _HTTP or not parts.netloc:
        return []
    root = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "/", "", ""))
    directory = parts.path[: parts.path.rfind("/") + 1] if "/" in parts.path else "/"
    bases = [urljoin(root, directory)] if directory not in ("", "/") else []
    bases.append(root)
    urls: list[str] = []
    for base in bases:
        for path in COMMON_FEED_PATHS:
            url = urljoin(base, path.lstrip("/"))
            if url not in urls:
                urls.append(url)
    return urls


# --- sniffing ---------------------------------------------------------------------------------------------

_SNIFF_BYTES = 8192
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_PROCESSING = re.compile(r"<\?.*?(?:\?>|$)", re.S)
_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]*\[.*?\])?[^>]*>", re.S | re.I)
_FIRST_TAG = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)")


def _text_start(body: bytes) -> str:
    """The start of a body as text: BOMs honoured (UTF-8, UTF-16), otherwise bytes read as Latin-1,
    which keeps every ASCII tag name intact whatever the declared encoding."""
    head = body[:_SNIFF_BYTES]
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="ignore")
    return head.decode("latin-1")


def _root_tag(text: str) -> str | None:
    text = _DOCTYPE.sub("", _PROCESSING.sub("", _COMMENT.sub("", text)))
    match = _FIRST_TAG.search(text)
    return match.group(1) if match else None


def _is_json_feed(body: bytes) -> bool:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    version = data.get("version") if isinstance(data, dict) else None
    return isinstance(version, str) and "jsonfeed.org/version/" in version


def sniff_kind(body: bytes | None) -> str | None:
    """rss, atom or jsonfeed, told from the body itself (its root element, or a JSON object whose
    `version` is a jsonfeed.org URL); None when the body is not a feed (an HTML page, a sitemap, empty)."""
    if not body:
        return None
    text = _text_start(body).lstrip()
    if text.startswith(("{", "[")):
        return "jsonfeed" if _is_json_feed(body) else None
    tag = _root_tag(text)
    if tag is None:
        return None
    prefix, _, local = tag.rpartition(":")
    local = local.lower()
    if local == "rss" and not prefix:
        return "rss"
    if local == "feed":
        return "atom"
    if local == "rdf" and ("purl.org/rss/1.0" in text or "my.netscape.com/rdf/simple/0.9" in text):
        return "rss"  # RSS 1.0 / 0.90: <rdf:RDF xmlns="http://purl.org/rss/1.0/">
    return None


# --- names and titles -------------------------------------------------------------------------------------

_NON_NAME = re.compile(r"[^0-9a-z]+")
_HOST_PREFIXES = ("www.", "www2.", "www3.", "feeds.", "feed.", "rss.", "m.")


def source_name(url: str) -> str:
    """A source name from a URL's host: lower case, a leading www./feeds./rss. dropped, every run of
    other characters a '-' ("https://feeds.bbci.co.uk/news/rss.xml" -> "bbci-co-uk")."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return _NON_NAME.sub("-", host).strip("-") or "source"


def unique_name(base: str, taken: set[str] | frozenset[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... : the first not in `taken`."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def page_site_name(html: bytes) -> str | None:
    """What a page calls its site (og:site_name, else application-name), or None."""
    return _first_text(html, ("//meta[@property='og:site_name']/@content",
                              "//meta[@name='application-name']/@content"))


def page_title(html: bytes) -> str | None:
    """A page's <title>, whitespace collapsed, or None."""
    return _first_text(html, ("//title/text()",))


def _first_text(html: bytes, xpaths: tuple[str, ...]) -> str | None:
    doc = _document(html)
    if doc is None:
        return None
    for xpath in xpaths:
        for value in doc.xpath(xpath):
            if text := _clean(str(value)):
                return text
    return None


_XML_TITLE = {
    "rss": ("channel/title", "{http://purl.org/rss/1.0/}channel/{http://purl.org/rss/1.0/}title"),
    "atom": ("{http://www.w3.org/2005/Atom}title", "{http://purl.org/atom/ns#}title", "title"),
}


def feed_title(body: bytes, kind: str | None = None) -> str | None:
    """The title of a feed body (channel/title, feed/title, JSON Feed `title`), or None. XML is parsed
    with entity resolution and network access off."""
    kind = kind or sniff_kind(body)
    if kind == "jsonfeed":
        try:
            data = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            return None
        return _clean(data.get("title")) if isinstance(data, dict) and isinstance(data.get("title"), str) \
            else None
    if kind not in _XML_TITLE:
        return None
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(body, parser=parser)
    except (lxml.etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    for path in _XML_TITLE[kind]:
        element = root.find(path)
        if element is not None:
            return _clean("".join(element.itertext()))
    return None
