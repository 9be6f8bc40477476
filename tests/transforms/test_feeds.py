import gzip
import json
import time
from datetime import datetime

import pytest

from transforms.feeds import (
    ITEM_SCHEMA,
    MAX_SITEMAP_BYTES,
    FeedParseError,
    parse_feed,
    parse_json_feed,
    parse_news_sitemap,
)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Independent</title><link>https://www.independent.co.uk/</link><language>en-gb</language>
<item><title>Bread &amp; butter</title><link>articles/bread.html</link>
<guid isPermaLink="false">indep-1</guid><pubDate>Fri, 27 Nov 2026 09:15:00 +0100</pubDate>
<description>Summary &amp;amp; more</description><dc:creator>Jane Roe</dc:creator>
<content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://other.example/b</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>
<entry><id>tag:ht,2026:1</id><title>Ferry</title><link rel="alternate" href="articles/ferry.html"/>
<published>2026-11-26T15:00:00+01:00</published><updated>2026-11-26T16:00:00+01:00</updated>
<author><name>A. Writer</name></author><summary>Short.</summary></entry></feed>"""


def test_rss_items_with_absolute_links_utc_dates_and_authors():
    items = parse_feed(RSS, "http://127.0.0.1:8000/independent/rss.xml")
    assert items.height == 2
    first = items.row(0, named=True)
    assert first["item_url"] == "http://127.0.0.1:8000/independent/articles/bread.html"
    assert first["title"] == "Bread & butter"
    assert first["guid"] == "indep-1"
    assert first["published_at"] == datetime(2026, 11, 27, 8, 15)
    assert first["authors"] == ["Jane Roe"]
    assert first["content"] == "<p>Full text.</p>"
    assert first["language"] == "en-gb"
    assert items.row(1, named=True)["item_url"] == "https://other.example/b"


def test_relative_links_resolve_against_a_file_url():
    items = parse_feed(RSS, "file:///srv/site/independent/rss.xml")
    assert items["item_url"][0] == "file:///srv/site/independent/articles/bread.html"


def test_atom_entries():
    items = parse_feed(ATOM, "https://www.harbourtimes.example/atom.xml")
    row = items.row(0, named=True)
    assert row["item_url"] == "https://www.harbourtimes.example/articles/ferry.html"
    assert row["published_at"] == datetime(2026, 11, 26, 14, 0)
    assert row["modified_at"] == datetime(2026, 11, 26, 15, 0)
    assert row["authors"] == ["A. Writer"]


@pytest.mark.parametrize("body", [
    b"<rss version='2.0'><channel><item><title>cut off</ti",
    b"<html><body>Not a feed</body></html>",
    b"",
])
def test_broken_bodies_raise_with_a_reason(body):
    with pytest.raises(FeedParseError, match="not a readable feed"):
        parse_feed(body, "http://127.0.0.1/feed.xml")


def test_an_empty_but_valid_feed_has_no_items():
    body = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
    assert parse_feed(body, "http://127.0.0.1/feed.xml").height == 0


def test_strings_are_refused_so_feedparser_never_fetches():
    with pytest.raises(TypeError):
        parse_feed("http://example.com/feed.xml", "http://example.com/feed.xml")


# --- JSON Feed ------------------------------------------------------------------------------------------

JSON_FEED_11 = json.dumps({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Harbour Times",
    "language": "en-GB",
    "authors": [{"name": "Desk"}],
    "items": [
        {"id": "ht-1", "url": "articles/ferry.html", "title": "Ferry", "summary": "Short.",
         "content_html": "<p>Full.</p>", "content_text": "Full.",
         "authors": [{"name": "A. Writer"}, {"name": "B. Writer"}, {"url": "https://no.name/"}],
         "date_published": "2026-11-26T15:00:00+01:00", "date_modified": "2026-11-26T16:30:00-02:00",
         "language": "cy"},
        {"id": 42, "external_url": "https://other.example/story", "title": "Elsewhere",
         "content_text": "Plain text.", "date_published": "2026-11-26T23:30:00Z"},
        {"id": "no-link-no-title", "content_text": "kept, to be counted as skipped"},
    ],
}).encode()

JSON_FEED_10 = json.dumps({
    "version": "https://jsonfeed.org/version/1",
    "title": "Old feed",
    "items": [{"id": "1", "url": "/a/1", "title": "One", "author": {"name": "Solo Author"},
               "date_published": "2026-11-27T09:15:00+05:30"}],
}).encode()


def test_json_feed_11_items():
    items = parse_json_feed(JSON_FEED_11, "https://www.harbourtimes.example/feeds/feed.json")
    assert items.schema == ITEM_SCHEMA
    assert items.height == 3
    first, second, third = items.rows(named=True)
    assert first["item_url"] == "https://www.harbourtimes.example/feeds/articles/ferry.html"
    assert first["guid"] == "ht-1" and first["title"] == "Ferry" and first["summary"] == "Short."
    assert first["content"] == "<p>Full.</p>"                        # content_html over content_text
    assert first["authors"] == ["A. Writer", "B. Writer"]
    assert first["published_text"] == "2026-11-26T15:00:00+01:00"
    assert first["published_at"] == datetime(2026, 11, 26, 14, 0)
    assert first["modified_at"] == datetime(2026, 11, 26, 18, 30)
    assert first["language"] == "cy"                                  # the item's own language
    assert second["item_url"] == "https://other.example/story"        # external_url when no url
    assert second["guid"] == "42"
    assert second["content"] == "Plain text."
    assert second["authors"] == ["Desk"]                              # the feed's authors
    assert second["published_at"] == datetime(2026, 11, 26, 23, 30)
    assert second["language"] == "en-GB"
    assert third["item_url"] is None and third["title"] is None  # counted by the tables, not stored


def test_json_feed_10_author_and_root_relative_url():
    row = parse_json_feed(JSON_FEED_10, "http://127.0.0.1:8000/feeds/feed.json").row(0, named=True)
    assert row["item_url"] == "http://127.0.0.1:8000/a/1"
    assert row["authors"] == ["Solo Author"]
    assert row["published_at"] == datetime(2026, 11, 27, 3, 45)
    assert row["modified_at"] is None and row["language"] is None


def test_json_feed_relative_url_against_a_file_url():
    items = parse_json_feed(JSON_FEED_11, "file:///srv/site/harbour/feed.json")
    assert items["item_url"][0] == "file:///srv/site/harbour/articles/ferry.html"


def test_an_empty_json_feed_has_no_items():
    body = b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}'
    items = parse_json_feed(body, "https://example.com/feed.json")
    assert items.height == 0 and items.schema == ITEM_SCHEMA


@pytest.mark.parametrize(("body", "message"), [
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "invalid JSON"),
    (b"\xff\xfe\x00garbage", "invalid JSON"),
    (b"", "invalid JSON"),
    (b'[{"id": "1"}]', "is a JSON list, not an object"),
    (b'{"items": []}', "no version starting with https://jsonfeed.org/version/"),
    (b'{"version": "1.1", "items": []}', "no version starting with"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "title": "t"}', "no items list"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": {"id": "1"}}', "no items list"),
])
def test_bad_json_and_non_feed_json_raise_with_a_reason(body, message):
    with pytest.raises(FeedParseError, match=f"not a readable JSON Feed: .*{message}"):
        parse_json_feed(body, "https://example.com/feed.json")


# --- sitemaps -------------------------------------------------------------------------------------------

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://www.example.org/business/article55.html</loc>
    <news:news>
      <news:publication><news:name>The Example Times</news:name><news:language>en</news:language>
      </news:publication>
      <news:publication_date>2026-11-26T15:00:00+01:00</news:publication_date>
      <news:title>Companies A, B in Merger Talks</news:title>
    </news:news>
  </url>
  <url>
    <loc>/politique/article56.html</loc>
    <lastmod>2026-11-27T08:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>L'Exemple</news:name><news:language>fr</news:language></news:publication>
      <news:publication_date>2026-11-27</news:publication_date>
      <news:title>Fusion &amp; acquisitions</news:title>
    </news:news>
  </url>
  <url><loc>https://www.example.org/about.html</loc><lastmod>2026-11-20T10:00:00-05:00</lastmod></url>
  <url><lastmod>2026-11-20</lastmod></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.org/sitemap1.xml.gz</loc></sitemap>
  <sitemap><loc>https://www.example.org/sitemap2.xml.gz</loc><lastmod>2026-11-27</lastmod></sitemap>
  <sitemap><loc>https://www.example.org/news-sitemap.xml</loc></sitemap>
</sitemapindex>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&lol9;</loc></url>
</urlset>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&xxe;</loc></url>
</urlset>"""


def test_news_sitemap_entries_and_a_plain_entry():
    items = parse_news_sitemap(NEWS_SITEMAP, "https://www.example.org/news-sitemap.xml")
    assert items.schema == ITEM_SCHEMA
    assert items.height == 3                                          # the <url> without <loc> is skipped
    first, second, plain = items.rows(named=True)
    assert first["item_url"] == "https://www.example.org/business/article55.html"
    assert first["title"] == "Companies A, B in Merger Talks"
    assert first["published_text"] == "2026-11-26T15:00:00+01:00"
    assert first["published_at"] == datetime(2026, 11, 26, 14, 0)
    assert first["modified_at"] is None
    assert first["language"] == "en"
    assert first["authors"] == [] and first["guid"] is None
    assert second["item_url"] == "https://www.example.org/politique/article56.html"
    assert second["title"] == "Fusion & acquisitions"
    assert second["published_at"] == datetime(2026, 11, 27)
    assert second["modified_at"] == datetime(2026, 11, 27, 8, 0)
    assert second["language"] == "fr"
    assert plain["item_url"] == "https://www.example.org/about.html"
    assert plain["title"] is None and plain["published_at"] is None and plain["language"] is None
    assert plain["modified_at"] == datetime(2026, 11, 20, 15, 0)


def test_a_gzip_compressed_sitemap_is_decompressed():
    items = parse_news_sitemap(gzip.compress(NEWS_SITEMAP), "https://www.example.org/news-sitemap.xml.gz")
    assert items.height == 3
    assert items["title"][0] == "Companies A, B in Merger Talks"


def test_a_gzip_sitemap_decompressing_over_50_mb_is_refused():
    bomb = gzip.compress(b" " * (MAX_SITEMAP_BYTES + 1), compresslevel=1)
    assert len(bomb) < 1024 * 1024
    with pytest.raises(FeedParseError, match="decompressed sitemap over 50 MB"):
        parse_news_sitemap(bomb, "https://www.example.org/sitemap.xml.gz")


def test_a_truncated_gzip_sitemap_is_a_parse_error():
    with pytest.raises(FeedParseError, match="truncated gzip"):
        parse_news_sitemap(gzip.compress(NEWS_SITEMAP)[:-40], "https://www.example.org/sitemap.xml.gz")


def test_a_sitemap_index_is_not_followed_yet():
    with pytest.raises(FeedParseError, match="sitemap index listing 3 child sitemaps.*not followed yet"):
        parse_news_sitemap(SITEMAP_INDEX, "https://www.example.org/sitemap-index.xml")


def test_billion_laughs_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(FeedParseError, match="DTDs and entities are refused"):
        parse_news_sitemap(BILLION_LAUGHS, "https://x.example/sitemap.xml")
    assert time.perf_counter() - started < 0.1


def test_an_external_entity_is_refused():
    with pytest.raises(FeedParseError, match="DTDs and entities are refused"):
        parse_news_sitemap(EXTERNAL_ENTITY, "https://x.example/sitemap.xml")


def test_a_doctype_in_another_encoding_is_refused_by_the_parser():
    body = EXTERNAL_ENTITY.decode().replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>')
    with pytest.raises(FeedParseError, match="DTDs and entities are refused"):
        parse_news_sitemap(body.encode("utf-16"), "https://x.example/sitemap.xml")


@pytest.mark.parametrize(("body", "message"), [
    (b"<urlset><url><loc>cut off</lo", "not a readable sitemap"),
    (b"", "not a readable sitemap"),
    (b"<html><body>Not a sitemap</body></html>", r"root element <html>, expected <urlset>"),
])
def test_broken_sitemaps_raise_with_a_reason(body, message):
    with pytest.raises(FeedParseError, match=message):
        parse_news_sitemap(body, "https://x.example/sitemap.xml")
