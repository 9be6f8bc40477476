from datetime import datetime, timedelta

import pytest

from transforms.normalise import (
    canonical_url,
    choose_published,
    clean_text,
    content_hash,
    date_from_url,
    drop_boilerplate,
    outlet_key,
    parse_timestamp,
    resolve_relative_time,
    stable_id,
    url_domain,
    word_count,
)

FETCHED = datetime(2026, 11, 28, 12, 0, 0)


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTPS://WWW.Independent.co.uk:443/news/a.html?utm_source=daily8&utm_medium=referral#top",
     "https://www.independent.co.uk/news/a.html"),
    ("http://example.com:80", "http://example.com/"),
    ("https://example.com:8443/a?id=7&fbclid=abc&gclid=x&mc_cid=1", "https://example.com:8443/a?id=7"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_url_domain():
    assert url_domain("https://www.telegraph.co.uk/world-news/x/") == "telegraph.co.uk"
    assert url_domain("file:///tmp/a.xml") is None
    assert url_domain(None) is None


@pytest.mark.parametrize("name", ["The Independent", "Independent", "the  independent", "INDEPENDENT."])
def test_outlet_key_folds_article_case_and_punctuation(name):
    assert outlet_key(name) == "independent"


def test_outlet_key_keeps_different_outlets_apart():
    assert outlet_key("Telegraph") != outlet_key("The Independent")
    assert outlet_key("Le Monde") == outlet_key("Monde") == "monde"


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-27T09:15:00+03:00", datetime(2026, 11, 27, 6, 15)),
    ("2026-11-27T09:15:00Z", datetime(2026, 11, 27, 9, 15)),
    ("2026-11-27", datetime(2026, 11, 27)),
    ("Fri, 27 Nov 2026 09:15:00 -0500", datetime(2026, 11, 27, 14, 15)),
    ("Fri, 27 Nov 2026 09:15:00 GMT", datetime(2026, 11, 27, 9, 15)),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_parse_timestamp_gives_naive_utc(text, expected):
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(("text", "ago"), [
    ("6 hours ago", timedelta(hours=6)),
    ("33 minutes ago", timedelta(minutes=33)),
    ("time33 minutes ago", timedelta(minutes=33)),
    ("Independent6 hours ago", timedelta(hours=6)),
    ("an hour ago", timedelta(hours=1)),
    ("timean hour ago", timedelta(hours=1)),
    ("a day ago", timedelta(days=1)),
    ("yesterday", timedelta(days=1)),
    ("timeyesterday", timedelta(days=1)),
    ("3 days ago", timedelta(days=3)),
    ("2 weeks ago", timedelta(weeks=2)),
    ("just now", timedelta(0)),
])
def test_relative_time_resolved_against_fetch_time(text, ago):
    assert resolve_relative_time(text, FETCHED) == FETCHED - ago


@pytest.mark.parametrize("text", [None, "", "28 November 2026", "later today"])
def test_relative_time_none_when_absent(text):
    assert resolve_relative_time(text, FETCHED) is None


def test_clean_text_strips_tags_entities_and_spaces():
    html = "<p>Bread &amp; butter:  the Chancellor&#8217;s plan</p>\n<p>Second\u00a0 para</p><br>"
    assert clean_text(html) == "Bread & butter: the Chancellor\u2019s plan\n\nSecond para"


def test_clean_text_normalises_unicode_to_nfc():
    assert clean_text("Cafe\u0301") == "Caf\u00e9"


def test_clean_text_empty_is_none():
    assert clean_text("  <p> </p> ") is None
    assert clean_text(None) is None


def test_content_hash_and_word_count():
    assert content_hash("a b") == content_hash("a b") != content_hash("a  c")
    assert content_hash(None) is None
    assert word_count("one two  three") == 3
    assert word_count(None) == 0


def test_stable_id_is_deterministic_and_separates_parts():
    assert stable_id("a", "b") == stable_id("a", "b")
    assert stable_id("ab", "") != stable_id("a", "b")
    assert len(stable_id("x")) == 16


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www-independent-co-uk.cdn.ampproject.org/c/s/www.independent.co.uk/news/a.html?amp",
     "https://www.independent.co.uk/news/a.html"),
    ("https://m.bbc.co.uk/news/world-123", "https://www.bbc.co.uk/news/world-123"),
    ("https://mobile.example.com/a", "https://www.example.com/a"),
    ("https://amp.theguardian.com/world/2026/nov/27/x", "https://www.theguardian.com/world/2026/nov/27/x"),
    ("https://www.example.com/news/a/amp/", "https://www.example.com/news/a/"),
    ("https://www.example.com/news/a/amp", "https://www.example.com/news/a"),
    ("https://www.example.com/news/a.amp.html", "https://www.example.com/news/a.html"),
    ("https://www.example.com/amp/news/a", "https://www.example.com/news/a"),
    ("https://example.com/x?outputType=amp&id=3", "https://example.com/x?id=3"),
    ("https://m.co/x", "https://m.co/x"),  # a two-label host named "m" is not a mobile variant
])
def test_amp_and_mobile_variants_fold_into_the_page(url, expected):
    assert canonical_url(url) == expected


def test_date_from_url():
    assert date_from_url("https://www.harbourtimes.example/2026/11/27/slug") == datetime(2026, 11, 27)
    assert date_from_url("https://x.example/news/2026-11-05/y.html") == datetime(2026, 11, 5)
    assert date_from_url("https://x.example/a/2026/13/01/") is None
    assert date_from_url("https://x.example/a/12345/") is None


def test_implausible_dates_are_rejected_with_the_reason():
    fetched = datetime(2026, 11, 28, 12)
    published, source, note = choose_published(
        [(datetime(2031, 1, 1), "jsonld"), (datetime(1970, 1, 1), "meta"), (datetime(2026, 11, 27), "feed")],
        fetched)
    assert (published, source) == (datetime(2026, 11, 27), "feed")
    assert "jsonld date rejected: 2031-01-01 00:00 is after the fetch time" in note
    assert "meta date rejected: 1970-01-01 00:00 is before 1990" in note
    # within the tolerance (a time-zone mix-up) is kept
    assert choose_published([(fetched + timedelta(hours=10), "meta")], fetched)[1] == "meta"
    assert choose_published([(None, "jsonld")], fetched) == (fetched, "fetched", None)
    assert choose_published([(datetime(1989, 12, 31), "url")], fetched)[:2] == (fetched, "fetched")


def test_page_furniture_paragraphs_are_dropped_but_long_ones_kept():
    text = ("Ministers met on Friday.\n\nDOWNLOAD THE APP\n\nRelated Articles\n\nNo comments yet...\n\n"
            "Sign up to our free morning briefing\n\nThe talks continue on Monday.")
    assert drop_boilerplate(text) == "Ministers met on Friday.\n\nThe talks continue on Monday."
    long = "Readers who download the app " + "and read on " * 20
    assert drop_boilerplate(long) == long
    assert drop_boilerplate("DOWNLOAD THE APP") is None
