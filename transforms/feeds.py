"""Feed bodies (RSS 0.9x/1.0/2.0, Atom) -> one raw row per item.

feedparser does the parsing: it copes with the ill-formed feeds found in the wild and tells us (bozo) when
it had to. A body that yields no items and is not a well-formed feed is a parse error, with feedparser's
reason; so is an ill-formed body in which no item has a link or a title. Parsing is pure: the body is
bytes already fetched, never a URL (feedparser would fetch a string).
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
import polars as pl

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


def parse_feed(body: bytes, feed_url: str) -> pl.DataFrame:
    """Items of an RSS or Atom feed, links made absolute against the feed's own URL.
    Raises FeedParseError when the body is not a feed."""
    if not isinstance(body, bytes | bytearray):
        raise TypeError("parse_feed takes the feed body as bytes")
    parsed = feedparser.parse(bytes(body))
    version = parsed.get("version") or ""
    usable = [e for e in parsed.entries if e.get("link") or e.get("links") or e.get("title")]
    if not usable and (parsed.bozo or not version):
        reason = parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root"
        raise FeedParseError(f"not a readable feed: {reason}")
    language = parsed.feed.get("language")
    rows = []
    for entry in usable:
        link = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", []) if lk.get("href")), None)
        rows.append({
            "item_url": urljoin(feed_url, link.strip()) if link else None,
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
    return pl.DataFrame(rows, schema=ITEM_SCHEMA)

