"""Article pages as publishers write them (issue 13), one failure class per group, on inline pages:
encodings, dates and the publisher's day, authors, titles, bodies, feeds with undeclared HTML entities,
and the mojibake check. Each of these failed on the code before the issue (3eee3df)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from transforms.decode import MOJIBAKE_SEQUENCES, decode_page, has_mojibake
from transforms.feeds import ITEM_SCHEMA, FeedParseError, parse_feed_with_warning
from transforms.normalise import publisher_day
from transforms.pages import parse_article_page
from transforms.tables import article_rows, feed_items, with_pages

ROOT = Path(__file__).resolve().parents[2]
URL = "https://www.example-news.com/world/2026/02/24/harbour-story"
PARAGRAPHS = [
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years "
    "later than planned, after a dispute over the cost of dredging the eastern basin was settled.",
    "Engineers had warned that the silt in the basin was deeper than the first survey showed, and the "
    "contractor asked for a further eleven million to finish the work before the winter storms.",
    "Commuters who cross the fjord every morning said the delay had cost them hours each week, while "
    "the council promised extra sailings on the old route until the terminal is finished.",
    "The port's chief executive told reporters that the final bill would be met from the harbour's own "
    "reserves and that no fares would rise to pay for it, a pledge the opposition doubted.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def page(head: str = "", body: str = BODY, *, article_extra: str = "", outside: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head>{head}</head><body><header><nav>Home World Sport</nav>"
            f"</header>{outside}<article>{article_extra}<div class='article-body'>{body}</div></article>"
            "<footer>Contact us</footer></body></html>").encode()


# --- encodings -----------------------------------------------------------------------------------------

EM_TITLE = "Great Things\u2014if It Doesn\u2019t Rain"


def test_a_utf8_page_with_title_before_its_meta_charset_reads_as_utf8():
    body = (f"<html><head><title>{EM_TITLE}</title><script>{'var x = 1;' * 200}</script>"
            f"<meta charset='utf-8'></head><body><article>{BODY}</article></body></html>").encode()
    row = parse_article_page(body, URL)
    assert row["title"] == EM_TITLE
    assert not has_mojibake(row["body"])


def test_ie_conditional_comments_before_the_meta_tag_do_not_hide_it():
    preamble = "".join(f"<!--[if IE {n}]><html class='ie{n}' lang='en'><![endif]-->" for n in range(6, 10))
    preamble += "<!-- " + "build 2026.02.24, cache warm; " * 60 + "-->"  # past the first kilobyte
    body = f"{preamble}<html><head><meta charset='utf-8'><title>{EM_TITLE}</title></head>" \
           f"<body><article>{BODY}</article></body></html>"
    assert parse_article_page(body.encode(), URL)["title"] == EM_TITLE


def test_the_http_charset_decodes_a_page_that_declares_none():
    body = f"<html><head><title>Caf\u00e9 \u00e0 la gare</title></head><body>{BODY}</body></html>"
    raw = body.encode("cp1252")
    assert decode_page(raw, "text/html; charset=windows-1252").startswith("<html><head><title>Caf\u00e9")
    row = parse_article_page(raw, URL, "text/html; charset=windows-1252")
    assert row["title"] == "Caf\u00e9 \u00e0 la gare"


def test_a_byte_order_mark_wins_over_a_wrong_declaration():
    body = "\ufeff<html><head><meta charset='iso-8859-1'><title>Stra\u00dfe</title></head></html>"
    assert decode_page(body.encode("utf-8"), "text/html; charset=iso-8859-1").startswith("<html><head>")
    assert "Stra\u00dfe" in decode_page(body.encode("utf-8"))


def test_the_mojibake_pattern_in_sql_matches_the_python_pattern():
    texts = ["Great Things\u00e2\u20ac\u201dif", "caf\u00c3\u00a9", "a\u00c2\u00a0b", "bad \ufffd byte",
             "clean caf\u00e9 \u2014 text", "\u00c0 la une", "M\u00fcnchen", "plain ascii"]
    sql = (ROOT / "sql" / "load" / "articles_has_mojibake.sql").read_text()
    pattern = sql.rsplit("'", 2)[1]  # the last literal: the regular expression
    con = duckdb.connect()
    in_sql = [con.execute("select regexp_matches(?, ?)", [t, pattern]).fetchone()[0] for t in texts]
    in_python = [re.search(MOJIBAKE_SEQUENCES, t) is not None for t in texts]
    assert in_sql == in_python == [True, True, True, False, False, False, False, False]
    assert has_mojibake("bad \ufffd byte")  # still enough to prefer a clean feed title


# --- dates and the publisher's day ---------------------------------------------------------------------

@pytest.mark.parametrize(("head", "outside", "expected", "source"), [
    ("", "<span itemprop='datePublished' content='2026-02-24T09:00:00Z'>24 Feb</span>",
     "2026-02-24", "meta"),
    ("<meta property='rnews:datePublished' content='2026-02-24T09:00:00Z'>", "", "2026-02-24", "meta"),
    ("<meta name='parsely-page' content='{\"title\": \"x\", \"pub_date\": \"2026-02-24T09:00:00Z\"}'>", "",
     "2026-02-24", "meta"),
    ("<meta name='OriginalPublicationDate' content='2026/02/24 09:00:00'>", "", "2026-02-24", "meta"),
    ("<meta name='sailthru.date' content='2026-02-24 09:00:00'>", "", "2026-02-24", "meta"),
    ("<meta name='DC.date.issued' content='2026-02-24'>", "", "2026-02-24", "meta"),
    ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": 1771923600}"
     "</script>", "", "2026-02-24", "jsonld"),
    ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": 1771923600000}"
     "</script>", "", "2026-02-24", "jsonld"),
    ("", "<p class='meta'>Published <time pubdate datetime='2026-02-24T09:00:00Z'>Tuesday</time></p>",
     "2026-02-24", "time_tag"),
    ("", "<div class='article-date'>Published 9:25 a.m. ET Feb. 24, 2026</div>", "2026-02-24", "dateline"),
    ("", "<div class='date'>Publi\u00e9 le 24 f\u00e9vrier 2026</div>", "2026-02-24", "dateline"),
])
def test_dates_are_read_where_publishers_write_them(head, outside, expected, source):
    row = parse_article_page(page(head, outside=outside), "https://example-news.com/harbour")
    assert row["published_source"] == source
    assert publisher_day(row["published_text"])[0] == date.fromisoformat(expected)


def feed_item(summary: str | None = None) -> pl.DataFrame:
    """One parsed feed item for URL, as transforms.feeds gives it."""
    parsed = pl.DataFrame({
        "item_url": [URL], "guid": [None], "title": ["Harbour terminal delayed"], "summary": [summary],
        "content": [None], "authors": [[]], "published_text": [None], "published_at": [None],
        "modified_at": [None], "language": ["en"],
    }, schema=ITEM_SCHEMA)
    return feed_items(parsed, "feed-1", "Example News", datetime(2026, 2, 26, 12))


def test_a_us_evening_article_keeps_the_publishers_day_beside_the_utc_instant():
    head = "<meta property='article:published_time' content='2026-02-24T21:25:00-05:00'>"
    pages = pl.DataFrame([parse_article_page(page(head), URL)])
    row = article_rows(with_pages(feed_item(), pages)).row(0, named=True)
    assert row["published_at"] == datetime(2026, 2, 25, 2, 25)
    assert (row["published_day"], row["published_utc_offset"]) == (date(2026, 2, 24), -300)


# --- authors -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("head", "article_extra", "names"), [
    ("", "<p>By <a rel='author' href='/staff/ana'>Ana Lima</a></p>", ["Ana Lima"]),
    ("", "<span itemprop='author' itemscope><span itemprop='name'>Jonas Berg</span></span>", ["Jonas Berg"]),
    ("", "<div class='byline'>By Maria Rossi and Tom Evans</div>", ["Maria Rossi", "Tom Evans"]),
    ("<meta property='article:author' content='https://www.facebook.com/someone'>",
     "<div class='byline'>By Lena Holm</div>", ["Lena Holm"]),
    ("<meta property='og:site_name' content='CBS News'><meta name='author' content='CBS News'>",
     "<div class='byline'>By Sara Kim</div>", ["Sara Kim"]),
    ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": [{\"@type\": "
     "\"Organization\", \"name\": \"BBC News\"}, {\"@type\": \"Person\", \"name\": \"Ola Nordmann\"}]}"
     "</script>", "", ["Ola Nordmann"]),
])
def test_authors_are_names_never_urls_nor_the_publisher(head, article_extra, names):
    assert parse_article_page(page(head, article_extra=article_extra), URL)["authors"] == names


# --- titles --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "site"), [
    ("Harbour terminal delayed to spring | The Japan Times", "The Japan Times"),
    ("Harbour terminal delayed to spring - Stack Overflow Blog", "Stack Overflow Blog"),
    ("Example News \u00bb Harbour terminal delayed to spring", "Example News"),
])
def test_titles_lose_the_site_name(title, site):
    head = f"<title>{title}</title><meta property='og:site_name' content='{site}'>"
    assert parse_article_page(page(head), URL)["title"] == "Harbour terminal delayed to spring"


# --- bodies --------------------------------------------------------------------------------------------

def test_an_article_split_over_two_body_containers_keeps_both():
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    second = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    html = (f"<html><head><title>Harbour</title></head><body><article><div class='article-body'>{first}</div>"
            "<aside class='newsletter'>Sign up for our newsletter</aside>"
            f"<div class='article-body'>{second}</div></article></body></html>").encode()
    body = parse_article_page(html, URL)["body"]
    assert all(p in body for p in PARAGRAPHS)


def test_a_table_that_is_the_article_is_kept():
    rows = "".join(f"<tr><td>{club}</td><td>{pts}</td></tr>" for club, pts in
                   [("Brann", 61), ("Bodo Glimt", 58), ("Molde", 52), ("Rosenborg", 49)])
    body = f"<p>{PARAGRAPHS[0]}</p><table><tr><th>Club</th><th>Points</th></tr>{rows}</table>"
    text = parse_article_page(page(body=body), URL)["body"]
    assert "Rosenborg" in text and "61" in text


def test_a_page_text_never_replaces_a_longer_feed_text():
    notice = "<p>This copy is for your personal, non-commercial use only.</p>"
    pages = pl.DataFrame([parse_article_page(page(body=notice), URL)])
    row = article_rows(with_pages(feed_item(" ".join(PARAGRAPHS)), pages)).row(0, named=True)
    assert "personal, non-commercial" not in (row["body"] or "")
    assert PARAGRAPHS[-1] in row["body"]


# --- feeds with HTML named entities --------------------------------------------------------------------

def test_a_feed_with_undeclared_html_entities_is_read_with_a_warning():
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
            b"<item><title>Caf&eacute;&nbsp;news &lowast; &OElig;uvre</title><link>https://example.com/a</link>"
            b"</item></channel></rss>")
    items, warning = parse_feed_with_warning(feed, "https://example.com/feed")
    assert items["title"][0] == "Caf\u00e9\u00a0news \u2217 \u0152uvre"
    assert "eacute" in warning and "nbsp" in warning


def test_entity_declarations_are_still_refused():
    bomb = (b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
            b"<rss version='2.0'><channel><item><title>&b;</title><link>https://e.com/a</link></item>"
            b"</channel></rss>")
    with pytest.raises(FeedParseError):
        parse_feed_with_warning(bomb, "https://example.com/feed")
