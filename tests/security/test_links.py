"""The pure side of the link rules (transforms/): which URLs count as web URLs, what a page's canonical URL
and image may be, and that dropped items are counted, not lost."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from transforms.dedupe import KNOWN_SCHEMA
from transforms.feeds import parse_feed
from transforms.normalise import is_web_url
from transforms.outlets import configured_sources
from transforms.pages import PAGE_SCHEMA, parse_article_page
from transforms.tables import build_article_tables, feed_items


@pytest.mark.parametrize("url", ["http://news.example/a", "https://news.example/a", "HTTPS://NEWS.EXAMPLE/",
                                 "  http://news.example/a  ", "HtTp://127.0.0.1:8080/x"])
def test_web_urls(url):
    assert is_web_url(url)


@pytest.mark.parametrize("url", [
    None, "", "file:///etc/passwd", "FILE:///etc/passwd", "file://x/etc/passwd", "file:/etc/hostname",
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>",
    "vbscript:msgbox", "ftp://files.example/a", "http://", "http:///path-only", "//news.example/a",
    "articles/a.html", "http://[::1", "http://news.example:99999/", "http://news.example:port/",
    "mailto:desk@news.example",
])
def test_not_web_urls(url):
    assert not is_web_url(url)


HOSTILE_PAGE = b"""<html><head><link rel="canonical" href="file:///etc/passwd">
<meta property="og:url" content="javascript:alert(1)">
<meta property="og:image" content="data:image/svg+xml,<svg onload=alert(1)>">
<script type="application/ld+json">{"@type":"NewsArticle","url":"https://news.example/real",
 "image":"javascript:alert(2)"}</script></head>
<body><article><p>Text.</p></article></body></html>"""


def test_a_page_cannot_name_a_file_or_script_as_its_canonical_url_or_image():
    row = parse_article_page(HOSTILE_PAGE, "https://news.example/a")
    assert row["canonical_url"] == "https://news.example/real"  # the first http(s) candidate (JSON-LD)
    assert row["image_url"] is None


def test_a_relative_canonical_url_is_made_absolute():
    page = b'<html><head><link rel="canonical" href="/b"></head><body><p>x</p></body></html>'
    row = parse_article_page(page, "https://news.example/a")
    assert row["canonical_url"] == "https://news.example/b"


FEED = b"""<rss version="2.0"><channel><title>T</title>
<item><title>Good</title><link>https://news.example/good</link></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
<item><title>File</title><link>file:///etc/passwd</link></item>
<item><title>No link</title></item>
<item><title>Not a URL</title><link>http://[::1</link></item>
<item><title>Bad port</title><link>http://news.example:99999/a</link></item>
<item><description>neither link nor title</description></item>
<item><description>neither link nor title either</description></item>
</channel></rss>"""


def test_entries_with_neither_link_nor_title_are_parsed_so_they_can_be_counted():
    items = parse_feed(FEED, "https://news.example/rss.xml")
    assert items.height == 8
    assert items.filter(pl.col("item_url").is_null() & pl.col("title").is_null()).height == 2


def test_a_link_that_is_not_a_url_fails_neither_its_feed_nor_its_page():
    assert parse_feed(FEED, "https://news.example/rss.xml")["item_url"].to_list()[4] == "http://[::1"
    page = b'<html><head><link rel="canonical" href="http://[::1"></head><body><p>x</p></body></html>'
    assert parse_article_page(page, "https://news.example/a")["canonical_url"] is None


def test_items_whose_link_is_not_http_are_dropped_and_counted():
    fetched = datetime(2026, 11, 28, 12)
    raw = feed_items(parse_feed(FEED, "https://news.example/rss.xml"), "feed1", "News", fetched)
    _, aliases = configured_sources([])
    tables = build_article_tables(raw, pl.DataFrame(schema=PAGE_SCHEMA), aliases,
                                  pl.DataFrame(schema=KNOWN_SCHEMA))
    assert tables.articles["url"].to_list() == ["https://news.example/good"]
    assert tables.counts["items"] == 8
    assert tables.counts["skipped_no_url"] == 3       # "No link" and the two with neither
    assert tables.counts["skipped_bad_scheme"] == 4   # javascript:, file:, no URL at all, a bad port


def test_an_item_from_a_local_page_is_stored_under_its_http_canonical_url():
    fetched = datetime(2026, 11, 28, 12)
    raw = feed_items(parse_feed(b"""<rss version="2.0"><channel><title>T</title><item><title>Local</title>
        <link>articles/a.html</link></item></channel></rss>""", "file:///srv/site/rss.xml"),
        "feed1", "News", fetched)
    page = pl.DataFrame([{"page_url": "file:///srv/site/articles/a.html",
                          "canonical_url": "https://news.example/a", "title": "Local", "body": "Text."}],
                        schema=PAGE_SCHEMA)
    _, aliases = configured_sources([])
    tables = build_article_tables(raw, page, aliases, pl.DataFrame(schema=KNOWN_SCHEMA))
    assert tables.articles.select("url", "canonical_url").rows() == [("https://news.example/a",
                                                                      "https://news.example/a")]
