from datetime import datetime

import pytest

from transforms.feeds import FeedParseError, parse_feed

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
