from datetime import datetime, timedelta

import polars as pl

from transforms.dedupe import KNOWN_SCHEMA
from transforms.listing import parse_listing_page
from transforms.outlets import Outlet, configured_sources, source_id_for
from transforms.pages import PAGE_SCHEMA
from transforms.tables import ARTICLE_COLUMNS, build_article_tables, feed_items, listing_items

FETCHED = datetime(2026, 11, 28, 12)
FEED_ITEMS = pl.DataFrame([
    {"item_url": "http://127.0.0.1/ind/a.html", "guid": "g1", "title": "Accord signed",
     "summary": "Short &amp; sweet", "content": None, "authors": ["Jane Roe"],
     "published_text": "x", "published_at": datetime(2026, 11, 27, 8), "modified_at": None,
     "language": "en-gb"},
    {"item_url": "http://127.0.0.1/ind/b.html", "guid": "g2", "title": "No page", "summary": "Only a summary",
     "content": None, "authors": [], "published_text": None, "published_at": None, "modified_at": None,
     "language": None},
])
PAGES = pl.DataFrame([{
    "page_url": "http://127.0.0.1/ind/a.html", "canonical_url": "https://www.independent.co.uk/a.html",
    "title": "Accord signed", "description": "d", "body": "The full text.", "authors": ["Jane Roe"],
    "published_text": "2026-11-27T12:00:00+03:00", "published_source": "jsonld", "modified_text": None,
    "language": "en-GB", "section": "World", "image_url": None, "site_name": "The Independent",
}], schema=PAGE_SCHEMA)
LISTING = b"""<html><body>
<article class="story-card"><h1 class="card-title"><a
 href="https://www.independent.co.uk/a.html?utm_source=d8">Accord</a></h1>
<span class="card-outlet">Independent</span><span class="card-time">6 hours ago</span>
<div class="card-text"><p>Card text.</p></div></article>
<article class="story-card"><h1 class="card-title"><a href="https://www.telegraph.co.uk/z/">Other</a></h1>
<span class="card-outlet">Telegraph</span><span class="card-time">time33 minutes ago</span>
<div class="card-text"><p>Other text.</p></div></article></body></html>"""


def raw_items():
    cards = parse_listing_page(LISTING, "http://127.0.0.1/daily8.html")
    return pl.concat([feed_items(FEED_ITEMS, "feed1", "The Independent", FETCHED),
                      listing_items(cards, "feed2", FETCHED)])


def build(known=None):
    _, aliases = configured_sources([Outlet("The Independent", domain="independent.co.uk")])
    return build_article_tables(raw_items(), PAGES, aliases,
                                known if known is not None else pl.DataFrame(schema=KNOWN_SCHEMA))


def test_feed_page_and_card_of_one_article_become_one_row():
    tables = build()
    assert tables.articles.columns == ARTICLE_COLUMNS
    assert tables.counts == {"items": 4, "skipped_no_url": 0, "skipped_bad_scheme": 0, "articles": 3,
                             "new": 3, "changed": 0, "unchanged": 0}
    a = tables.articles.filter(pl.col("canonical_url") == "https://www.independent.co.uk/a.html").row(
        0, named=True)
    assert a["body"] == "The full text." and a["content_source"] == "page"
    assert a["url"] == "http://127.0.0.1/ind/a.html"
    assert (a["published_at"], a["published_source"]) == (datetime(2026, 11, 27, 9), "jsonld")
    assert a["language"] == "en" and a["section"] == "World"
    assert a["source_id"] == source_id_for("The Independent")
    assert a["word_count"] == 3


def test_item_without_page_keeps_feed_fields_and_falls_back_to_fetch_time():
    b = build().articles.filter(pl.col("guid") == "g2").row(0, named=True)
    assert b["canonical_url"] == "http://127.0.0.1/ind/b.html"
    assert b["summary"] == "Only a summary" and b["body"] is None
    assert (b["published_at"], b["published_source"]) == (FETCHED, "fetched")
    assert b["content_hash"] is not None


def test_card_of_unknown_outlet_is_dated_relative_to_fetch_and_gets_a_new_source():
    tables = build()
    t = tables.articles.filter(pl.col("canonical_url") == "https://www.telegraph.co.uk/z/").row(0, named=True)
    assert (t["published_at"], t["published_source"]) == (FETCHED - timedelta(minutes=33), "relative")
    assert t["content_source"] == "listing"
    assert tables.sources["name"].to_list() == ["Telegraph"]


def test_versions_one_per_new_text():
    tables = build()
    assert tables.article_versions.height == 3
    assert set(tables.article_versions.columns) == {"article_id", "content_hash", "title", "body", "seen_at"}


def test_a_second_identical_batch_is_all_unchanged():
    first = build().articles
    known = first.with_columns(pl.lit(None, pl.String).alias("story_id")).select(list(KNOWN_SCHEMA))
    again = build(known)
    assert again.articles.height == 0
    assert again.counts["unchanged"] == 3
