from datetime import datetime, timedelta

import pytest

from transforms.normalise import (
    canonical_url,
    clean_text,
    content_hash,
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
