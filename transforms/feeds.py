"""Feed bodies (RSS 0.9x/1.0/2.0, Atom, JSON Feed 1.0/1.1, news sitemaps) -> one raw row per item.

feedparser does the parsing: it copes with the ill-formed feeds found in the wild and tells us (bozo) when
it had to. A body that yields no items and is not a well-formed feed is a parse error, with feedparser's
reason; so is an ill-formed body in which no item has a link or a title. Parsing is pure: the body is
bytes already fetched, never a URL (feedparser would fetch a string).

JSON Feeds (parse_json_feed) are read with the json module; sitemaps, Google News or plain
(parse_news_sitemap), with the stdlib XML parser behind a guard: a DTD or entity declaration is refused
before parsing, and a DOCTYPE the guard missed would stop the parser where it starts. RSS and Atom bodies
pass the same guard (refuse_entity_declarations): it reads the whole prolog in every encoding a parser
could choose.
All three give the same ITEM_SCHEMA frame.
"""

from __future__ import annotations

import calendar
import codecs
import html.entities
import json
import re
import xml.etree.ElementTree as ET
import zlib
from datetime import UTC, datetime

import polars as pl

from transforms.normalise import absolute_url, parse_timestamp

ITEM_SCHEMA = {
    "item_url": pl.String,
    "guid": pl.String,
    "title": pl.String,
    "summary": pl.String,
    "content": pl.String,
    "authors": pl.List(pl.String),
    "published_text": pl.String,
    "published_at": pl.Datetime("us"),
    "modified_at": pl.Datetime("us"),
    "language": pl.String,
}


class FeedParseError(ValueError):
    """A feed body that is not a feed; the message says why."""


def _struct_to_utc(value) -> datetime | None:
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), UTC).replace(tzinfo=None)


def _entry_authors(entry) -> list[str]:
    names = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
    if not names and entry.get("author"):
        names = [entry["author"]]
    return [n.strip() for n in names if n and n.strip()]


def _entry_content(entry) -> str | None:
    contents = entry.get("content") or []
    values = [c.get("value") for c in contents if c.get("value")]
    return max(values, key=len) if values else None


# --- the XML guard: no entity declarations ----------------------------------------------------------------
#
# Entity declarations are how entity expansion ("billion laughs") and external entities (local files,
# internal URLs) get into an XML parser, and no real feed needs them. They can only stand in the prolog
# (the DOCTYPE's internal subset, before the root element), but the prolog may be any length (a 70 KB
# comment) and in any encoding the parser will accept (UTF-16/32 with or without a BOM, EBCDIC, UTF-7 named
# in the XML declaration: feedparser decodes with what the document declares). So the guard reads the
# whole prolog in every reading a parser could choose: the encoding the document announces (BOM, the byte
# pattern of its first characters, its XML declaration) and, always, the bytes as Latin-1 (every
# ASCII-compatible reading).

_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_EBCDIC_XML_DECLARATION = b"\x4c\x6f\xa7\x94"   # "<?xm" in EBCDIC (XML 1.0, appendix F)
_DECLARED_ENCODING = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_PROLOG_MARKUP = re.compile(r"""["'\[\]>]|<!--|<\?""")
_ENTITY_DECLARATION = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
_DTD_OR_ENTITY_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _known_codec(name: str | None) -> str | None:
    """Python's name for a text encoding, None if Python does not know it as one ("base64" is not)."""
    try:
        b"<".decode(name or "", errors="replace")
        return codecs.lookup(name).name
    except LookupError:
        return None


def sniffed_encoding(body: bytes) -> str:
    """The encoding an XML parser reads `body` in: a byte-order mark; else the byte pattern of "<" or
    "<?xm" in UTF-32, UTF-16 or EBCDIC (then the declaration may name the exact code page); else the
    encoding the XML declaration names, if Python knows it; else UTF-8."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    head = body[:4]
    if len(head) == 4 and head[:3] == b"\x00\x00\x00" and head[3]:
        return "utf-32-be"
    if len(head) == 4 and head[0] and head[1:] == b"\x00\x00\x00":
        return "utf-32-le"
    if len(head) >= 2 and head[0] == 0 and head[1]:
        return "utf-16-be"
    if len(head) >= 2 and head[0] and head[1] == 0:
        return "utf-16-le"
    first = "cp037" if head == _EBCDIC_XML_DECLARATION else "latin-1"
    declared = _DECLARED_ENCODING.match(body[:1024].decode(first, errors="replace"))
    codec = _known_codec(declared.group(1)) if declared else None
    if first == "cp037":
        return codec or "cp037"
    return codec if codec and not codec.startswith(("utf-16", "utf-32")) else "utf-8"


def xml_readings(body: bytes) -> list[str]:
    """The document as each reading a parser might choose: the sniffed encoding, and Latin-1."""
    readings = [body.decode(sniffed_encoding(body), errors="replace").lstrip("\ufeff")]
    latin = body.decode("latin-1")
    return readings if readings[0] == latin else [*readings, latin]


def _after(text: str, end: str, start: int) -> int:
    found = text.find(end, start)
    return len(text) if found < 0 else found + len(end)


def _declaration_end(text: str, i: int) -> int:
    """Past the ">" that closes the markup declaration opened before `i` (a DOCTYPE and its internal
    subset: quoted literals, comments and processing instructions skipped, brackets matched)."""
    depth = 0
    while (m := _PROLOG_MARKUP.search(text, i)) is not None:
        token, i = m.group(), m.end()
        if token in "\"'":
            i = _after(text, token, i)
        elif token == "<!--":
            i = _after(text, "-->", i)
        elif token == "<?":
            i = _after(text, "?>", i)
        elif token == "[":
            depth += 1
        elif token == "]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return i
    return len(text)


def prolog(text: str) -> str:
    """Everything before the root element's start tag: the XML declaration, comments, processing
    instructions, the DOCTYPE with its internal subset, and any stray text (the whole text if there is no
    root element)."""
    i = 0
    while (i := text.find("<", i)) >= 0:
        if text.startswith("<!--", i):
            i = _after(text, "-->", i + 4)
        elif text.startswith("<?", i):
            i = _after(text, "?>", i + 2)
        elif text.startswith("<!", i):
            i = _declaration_end(text, i + 2)
        elif text[i + 1:i + 2].isalpha() or text[i + 1:i + 2] in ("_", ":"):
            return text[:i]
        else:
            i += 1
    return text


def refuse_entity_declarations(body: bytes) -> None:
    """XML entity declarations are refused outright, wherever they stand in the prolog and in whatever
    encoding the document is: they are how entity expansion ("billion laughs") and external entities
    (local files, internal URLs) get in, and no real feed needs them. A DOCTYPE without them (RSS 0.91's
    public identifier) is allowed."""
    if any(_ENTITY_DECLARATION.search(prolog(text)) for text in xml_readings(body)):
        raise FeedParseError("not a readable feed: XML entity declarations (DTD) are refused")


# --- undefined HTML entities -------------------------------------------------------------------------------
#
# Feeds in the wild use HTML's named entities (&nbsp;, &eacute;, &lowast;, &OElig;) without declaring them:
# not well-formed XML. Since the guard refuses every entity declaration, a named entity other than XML's
# five can only be one of these: it is rewritten as the numeric character reference of its HTML meaning
# before parsing (outside CDATA sections, where it is text), which is what a lenient parser reads. The
# guard is untouched: expansion bombs and external entities need declarations, still refused.

_ENTITY_OR_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>|&([A-Za-z][A-Za-z0-9]{1,31});", re.DOTALL)
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ASCII_COMPATIBLE_XML = re.compile(r"^(?!utf-16|utf-32|cp037|cp500|cp1140)")


def html_entities_as_references(body: bytes) -> tuple[bytes, dict[str, int]]:
    """`body` with the HTML named entities an XML parser does not know written as numeric character
    references ("&eacute;" -> "&#233;"), and how often each name was found. A body in UTF-16, UTF-32 or
    EBCDIC is returned as it is."""
    if not _ASCII_COMPATIBLE_XML.match(sniffed_encoding(body)) or b"&" not in body:
        return body, {}
    found: dict[str, int] = {}

    def reference(match: re.Match) -> bytes:
        name = match.group(1)
        if name is None:
            return match.group()
        text = name.decode("ascii")
        chars = html.entities.html5.get(text + ";")
        if text in _XML_ENTITIES or chars is None:
            return match.group()
        found[text] = found.get(text, 0) + 1
        return "".join(f"&#{ord(c)};" for c in chars).encode("ascii")

    return _ENTITY_OR_CDATA.sub(reference, body), found


def _warning(entities: dict[str, int], parsed) -> str | None:
    """What the parse had to be lenient about, in one line; None for a well-formed feed."""
    parts = []
    if entities:
        named = ", ".join(f"&{n}; x{c}" for n, c in sorted(entities.items(), key=lambda kv: (-kv[1], kv[0])))
        parts.append(f"undefined HTML entities read as HTML: {named}")
    if parsed.bozo:
        parts.append(f"ill-formed feed read leniently: {parsed.get('bozo_exception')}")
    return "; ".join(parts) or None


def parse_feed_with_warning(body: bytes, feed_url: str) -> tuple[pl.DataFrame, str | None]:
    """Items of an RSS or Atom feed, links made absolute against the feed's own URL, and what the parse
    had to be lenient about (undefined HTML entities, an ill-formed body; None if nothing).
    Raises FeedParseError when the body is not a feed."""
    if not isinstance(body, bytes | bytearray):
        raise TypeError("parse_feed takes the feed body as bytes")
    refuse_entity_declarations(body)
    readable, entities = html_entities_as_references(bytes(body))
    import feedparser  # here, not with the module: a run whose feeds are all unchanged parses none

    parsed = feedparser.parse(readable)
    version = parsed.get("version") or ""
    usable = [e for e in parsed.entries if e.get("link") or e.get("links") or e.get("title")]
    if not usable and (parsed.bozo or not version):
        reason = parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root"
        raise FeedParseError(f"not a readable feed: {reason}")
    language = parsed.feed.get("language")
    rows = []
    for entry in parsed.entries:  # entries without link or title too: they are counted, then skipped
        link = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", []) if lk.get("href")), None)
        rows.append({
            "item_url": absolute_url(feed_url, link.strip()) if link else None,
            "guid": entry.get("id"),
            "title": entry.get("title"),
            "summary": entry.get("summary"),
            "content": _entry_content(entry),
            "authors": _entry_authors(entry),
            "published_text": entry.get("published") or entry.get("updated"),
            "published_at": _struct_to_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
            "modified_at": _struct_to_utc(entry.get("updated_parsed")),
            "language": entry.get("language") or language,
        })
    return pl.DataFrame(rows, schema=ITEM_SCHEMA), _warning(entities, parsed)


def parse_feed(body: bytes, feed_url: str) -> pl.DataFrame:
    """Items of an RSS or Atom feed (parse_feed_with_warning without the warning)."""
    return parse_feed_with_warning(body, feed_url)[0]



# --- JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) ----------------------------------------------

JSON_FEED_VERSION_PREFIX = "https://jsonfeed.org/version/"


def _json_string(value) -> str | None:
    """A JSON scalar as a stripped string (ids may be numbers); None for missing, empty or non-scalars."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None


def _json_authors(holder: dict) -> list[str]:
    """Names of `authors` (1.1), else of `author` (1.0)."""
    authors = holder.get("authors")
    if not isinstance(authors, list):
        authors = [holder.get("author")]
    names = [_json_string(a.get("name")) for a in authors if isinstance(a, dict)]
    return [n for n in names if n]


def parse_json_feed(body: bytes, feed_url: str) -> pl.DataFrame:
    """Items of a JSON Feed (1.0 or 1.1), links made absolute against the feed's own URL; item authors
    default to the feed's. Raises FeedParseError when the body is not JSON or not a JSON Feed."""
    if not isinstance(body, bytes | bytearray):
        raise TypeError("parse_json_feed takes the feed body as bytes")
    try:
        doc = json.loads(bytes(body))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FeedParseError(f"not a readable JSON Feed: invalid JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise FeedParseError(f"not a readable JSON Feed: the document is a JSON {type(doc).__name__}, "
                             "not an object")
    version, items = doc.get("version"), doc.get("items")
    if not (isinstance(version, str) and version.startswith(JSON_FEED_VERSION_PREFIX)):
        raise FeedParseError(f"not a readable JSON Feed: no version starting with {JSON_FEED_VERSION_PREFIX} "
                             f"(got {version!r})")
    if not isinstance(items, list):
        raise FeedParseError("not a readable JSON Feed: no items list")
    language, feed_authors = _json_string(doc.get("language")), _json_authors(doc)
    rows = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _json_string(item.get("url")) or _json_string(item.get("external_url"))
        title = _json_string(item.get("title"))  # an item with neither is kept: counted, then skipped
        published = _json_string(item.get("date_published"))
        modified = _json_string(item.get("date_modified"))
        rows.append({
            "item_url": absolute_url(feed_url, link) if link else None,
            "guid": _json_string(item.get("id")),
            "title": title,
            "summary": _json_string(item.get("summary")),
            "content": _json_string(item.get("content_html")) or _json_string(item.get("content_text")),
            "authors": _json_authors(item) or feed_authors,
            "published_text": published or modified,
            "published_at": parse_timestamp(published) or parse_timestamp(modified),
            "modified_at": parse_timestamp(modified),
            "language": _json_string(item.get("language")) or language,
        })
    return pl.DataFrame(rows, schema=ITEM_SCHEMA)


# --- sitemaps: Google News and plain (sitemaps.org 0.9) ----------------------------------------------------

MAX_SITEMAP_BYTES = 50 * 1024 * 1024   # the sitemaps.org limit, uncompressed
_GZIP_MAGIC = b"\x1f\x8b"


def _gunzip_capped(body: bytes, limit: int) -> bytes:
    """A gzip body (one or more members) decompressed, refusing to produce more than `limit` bytes."""
    out, data = bytearray(), body
    while data[:2] == _GZIP_MAGIC:
        stream = zlib.decompressobj(wbits=31)
        try:
            out += stream.decompress(data, limit + 1 - len(out))   # max_length >= 1: 0 would be no limit
        except zlib.error as exc:
            raise FeedParseError(f"not a readable sitemap: broken gzip: {exc}") from exc
        if len(out) > limit:
            raise FeedParseError(f"decompressed sitemap over {limit // (1024 * 1024)} MB")
        if not stream.eof:
            raise FeedParseError("not a readable sitemap: truncated gzip")
        data = stream.unused_data
    return bytes(out)


class _NoDoctypeTreeBuilder(ET.TreeBuilder):
    """Stops the parser at the start of a DOCTYPE, before any entity in it is declared: the second line of
    defence, behind the guard on the decoded prolog."""

    def doctype(self, name, pubid, system):
        raise FeedParseError("not a readable sitemap: DTDs and entities are refused")


def _safe_xml_root(body: bytes) -> ET.Element:
    if any(_DTD_OR_ENTITY_TEXT.search(prolog(text)) for text in xml_readings(body)):
        raise FeedParseError("not a readable sitemap: DTDs and entities are refused")
    parser = ET.XMLParser(target=_NoDoctypeTreeBuilder())
    try:
        parser.feed(body)
        return parser.close()
    except ET.ParseError as exc:
        raise FeedParseError(f"not a readable sitemap: {exc}") from exc


def _local(tag) -> str:
    """An element's name without its namespace: sitemaps in the wild get the namespace wrong or omit it."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next((c for c in element if _local(c.tag) == name), None)


def _text(element: ET.Element | None, name: str) -> str | None:
    child = _child(element, name)
    text = (child.text or "").strip() if child is not None else ""
    return text or None


def parse_news_sitemap(body: bytes, feed_url: str) -> pl.DataFrame:
    """Items of a sitemap (gzip-compressed or not): a <url> with <news:news> gives its title, publication
    date and language; a plain <url> its <loc> and <lastmod> (as modified_at). Links are made absolute
    against the sitemap's own URL. Raises FeedParseError when the body is not a sitemap, declares a DTD or
    entities, decompresses to more than 50 MB, or is a sitemap index (not followed yet)."""
    if not isinstance(body, bytes | bytearray):
        raise TypeError("parse_news_sitemap takes the sitemap body as bytes")
    data = bytes(body)
    if data[:2] == _GZIP_MAGIC:
        data = _gunzip_capped(data, MAX_SITEMAP_BYTES)
    elif len(data) > MAX_SITEMAP_BYTES:
        raise FeedParseError(f"sitemap over {MAX_SITEMAP_BYTES // (1024 * 1024)} MB")
    root = _safe_xml_root(data)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = sum(1 for c in root if _local(c.tag) == "sitemap")
        raise FeedParseError(f"a sitemap index listing {children} child sitemaps: sitemap indexes are not "
                             "followed yet")
    if kind != "urlset":
        raise FeedParseError(f"not a readable sitemap: root element <{kind}>, expected <urlset>")
    rows = []
    for entry in root:
        loc = _text(entry, "loc") if _local(entry.tag) == "url" else None
        if not loc:
            continue
        news = _child(entry, "news")
        published = _text(news, "publication_date")
        rows.append({
            "item_url": absolute_url(feed_url, loc),
            "guid": None,
            "title": _text(news, "title"),
            "summary": None,
            "content": None,
            "authors": [],
            "published_text": published,
            "published_at": parse_timestamp(published),
            "modified_at": parse_timestamp(_text(entry, "lastmod")),
            "language": _text(_child(news, "publication"), "language"),
        })
    return pl.DataFrame(rows, schema=ITEM_SCHEMA)
