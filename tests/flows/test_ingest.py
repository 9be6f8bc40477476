"""The real `ingest` flow against the sample site served over loopback HTTP, into a real DuckDB file."""

from __future__ import annotations

from datetime import timedelta

import duckdb
import pytest

import flows.ingest
import store
from fetch import raw_store
from flows.ingest import ingest
from tests.conftest import SAMPLE_SITE, write_sources

BROKEN_SOURCES = """
[[sources]]
name = "broken-xml"
kind = "rss"
url = "{base}/broken/feed.xml"
outlet = "Broken Gazette"

[[sources]]
name = "server-error"
kind = "rss"
url = "{base}/error/500.xml"
outlet = "Error Echo"

[[sources]]
name = "missing-file"
kind = "atom"
url = "{missing}"
outlet = "Nowhere News"
"""


def query(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def counts(db) -> dict[str, int]:
    tables = ["sources", "source_aliases", "feeds", "articles", "article_versions", "entities",
              "entity_aliases", "article_entities"]
    return {t: query(db, f"select count(*) from {t}")[0][0] for t in tables}  # noqa: S608 - test's own names


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, site_server, prefect_harness):
    """One run over the sample site plus three broken sources."""
    tmp = tmp_path_factory.mktemp("ingest")
    site_server.routes["/broken/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                              b"<rss version='2.0'><channel><item><title>cut off</ti")
    site_server.routes["/error/500.xml"] = (500, {}, b"internal error")
    extra = BROKEN_SOURCES.format(base=site_server.base_url, missing=tmp / "missing.xml")
    sources = write_sources(tmp / "sources.toml", site_server.base_url, extra)
    db = tmp / "news.duckdb"
    summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    return summary, db, sources


def test_run_loads_every_healthy_source(first_run):
    summary, db, _ = first_run
    assert summary.status == "completed"
    by_name = {s["name"]: s for s in summary.sources}
    for name, items in (("independent-world", 16), ("harbour-times", 14), ("northern-courier", 12),
                        ("daily8-world", 7)):
        assert by_name[name]["outcome"] == "ok" and by_name[name]["items"] == items
        assert by_name[name]["error"] is None
    assert by_name["independent-world"]["pages"] == 16
    # 42 feed articles; the listing's lead and Harbour Times cards are feed articles, 5 cards are not
    assert query(db, "select count(*) from articles")[0][0] == 47
    assert query(db, "select count(distinct source_id) from articles")[0][0] >= 3


def test_broken_sources_are_recorded_with_their_reason(first_run):
    summary, db, _ = first_run
    assert summary.sources_failed == 3
    rows = dict((name, (outcome, error)) for name, outcome, error in query(db, """
        select d.name, f.outcome, f.error from fetches f join feeds d using (feed_id)
        where d.name in ('broken-xml', 'server-error', 'missing-file')"""))
    assert rows["broken-xml"][0] == "parse_error" and "not a readable feed" in rows["broken-xml"][1]
    assert rows["server-error"][0] == "http_error" and "HTTP 500" in rows["server-error"][1]
    assert rows["missing-file"][0] == "missing" and "missing.xml" in rows["missing-file"][1]
    health = dict(query(db, "select name, error_streak from analytics.feed_health"))
    assert health["server-error"] == 1 and health["independent-world"] == 0


def test_two_names_of_one_outlet_are_one_source(first_run):
    _, db, _ = first_run
    assert query(db, "select count(*) from sources where outlet_key = 'independent'")[0][0] == 1
    aliases = {a for (a,) in query(db, """select alias from source_aliases
                                          join sources using (source_id) where outlet_key = 'independent'""")}
    assert {"The Independent", "Independent", "independent.co.uk"} <= aliases
    # the listing's "Independent" lead card merged into the feed's article (tracking parameters dropped)
    lead = query(db, """select s.name, a.content_source from articles a join sources s using (source_id)
                        where canonical_url like '%putin-endorses-barents-sea-safety-accord.html'""")
    assert lead == [("The Independent", "page")]


def test_putin_variants_are_one_entity_within_an_article(first_run):
    _, db, _ = first_run
    people = query(db, """
        select e.canonical_name, ae.mention_count from article_entities ae
        join entities e using (entity_id) join articles a using (article_id)
        where a.canonical_url like '%putin-endorses-barents-sea-safety-accord.html'
          and e.canonical_name ilike '%putin%'""")
    assert len(people) == 1
    name, mentions = people[0]
    assert name == "Vladimir Putin" and mentions >= 4  # Vladimir Putin, Mr Putin, Putin, President Putin
    aliases = {a for (a,) in query(db, """select alias from entity_aliases join entities using (entity_id)
                                          where canonical_name = 'Vladimir Putin'""")}
    assert {"Vladimir Putin", "Putin"} <= aliases


def test_syndicated_copy_is_linked_not_counted_as_a_story(first_run):
    _, db, _ = first_run
    pair = query(db, """select article_id, duplicate_of from articles
                        where canonical_url like '%freight-rates-fall-fourth-week%' order by article_id""")
    assert len(pair) == 2
    copies = [row for row in pair if row[1] is not None]
    assert len(copies) == 1 and copies[0][1] in {aid for aid, _ in pair}
    originals, articles = query(db, """select sum(originals), sum(articles)
                                       from analytics.articles_per_outlet_per_day""")[0]
    assert articles - originals == 1
    # the copy's outlet-day counts the article but not a story
    copy_id = copies[0][0]
    row = query(db, """select v.articles, v.stories from analytics.articles_per_outlet_per_day v
                       join articles a on a.source_id = v.source_id and cast(a.published_at as date) = v.day
                       where a.article_id = ?""", [copy_id])[0]
    assert row[0] > row[1]


def test_syndication_lists_each_copy_with_both_outlets_and_latest_articles_says_so(first_run):
    _, db, _ = first_run
    copies = query(db, """select copy_id, original_id, copy_outlet, original_outlet, kind, similarity,
                                 delay, story_id from analytics.syndication""")
    stored = query(db, "select article_id, duplicate_of from articles where duplicate_of is not null")
    assert sorted((c[0], c[1]) for c in copies) == sorted(stored) and len(copies) >= 1
    for _, _, copy_outlet, original_outlet, kind, similarity, delay, _ in copies:
        assert copy_outlet and original_outlet and kind in ("exact", "near") and 0 < similarity <= 1
        assert delay is not None
    latest = dict(query(db, "select article_id, duplicate_of from analytics.latest_articles"))
    assert all(latest[c[0]] == c[1] for c in copies)
    stories = query(db, """select count(*), count(l.story_id) from analytics.latest_articles l
                           join articles a using (article_id)
                           where a.story_id is not distinct from l.story_id""")
    assert stories[0][0] == len(latest) and stories[0][1] > 0


def test_dates_are_utc_with_their_provenance(first_run):
    _, db, _ = first_run
    # a page without dates falls back to the feed's date (pubDate 2026-11-22 07:30 +0000)
    assert query(db, """select published_source from articles
                        where canonical_url like '%storm-isolde-batters-ireland%'""") == [("feed",)]
    # a listing card's "6 hours ago" / "time33 minutes ago" resolved against the fetch time
    rows = query(db, """select published_at, fetched_at from articles where published_source = 'relative'""")
    assert rows and all(fetched - published in {timedelta(minutes=33), timedelta(minutes=45),
                                                timedelta(hours=1), timedelta(hours=2), timedelta(days=1),
                                                timedelta(days=3), timedelta(hours=6)}
                        for published, fetched in rows)
    # JSON-LD "+03:00" stored in UTC
    assert query(db, "select count(*) from articles where published_source = 'jsonld'")[0][0] > 0


def test_bodies_are_clean_text(first_run):
    _, db, _ = first_run
    for (body,) in query(db, "select body from articles where content_source = 'page'"):
        assert "DOWNLOAD THE APP" not in body and "Related Articles" not in body and "<" not in body
        assert "Subscribe" not in body and "No comments yet" not in body


def test_checks_pass_and_are_recorded(first_run):
    summary, db, _ = first_run
    assert summary.checks and not any(summary.checks.values())
    assert query(db, "select count(*), sum(failing_rows) from check_results where run_id = ?",
                 [summary.run_id]) == [(len(summary.checks), 0)]


def test_data_quality_and_freshness_views(first_run):
    summary, db, _ = first_run
    assert query(db, "select count(*), bool_and(passed) from analytics.data_quality") == [
        (len(summary.checks), True)]
    fresh = dict(query(db, "select feed, new_articles_24h from analytics.source_freshness"))
    assert fresh["independent-world"] == 16 and fresh["broken-xml"] == 0 and sum(fresh.values()) == 47
    # every healthy feed just brought articles; the broken ones never did: they are the stale ones
    assert {f["feed"] for f in summary.stale_feeds} == {"broken-xml", "server-error", "missing-file"}
    with duckdb.connect(str(db), read_only=True) as con:
        assert {f["feed"] for f in store.stale_feeds(con, hours=-1)} == set(fresh)


def test_raw_bodies_land_unchanged_and_content_addressed(first_run):
    _, db, _ = first_run
    raw_root = db.parent / "raw"
    shas = query(db, "select url, content_sha256 from fetches where outcome = 'ok'")
    assert len(shas) >= 46
    sha = next(s for u, s in shas if u.endswith("/independent/rss.xml"))
    assert raw_store.read(raw_root, sha) == (SAMPLE_SITE / "independent" / "rss.xml").read_bytes()
    assert not list(raw_root.rglob("*.tmp"))


def test_the_state_is_read_in_the_parts_a_run_reads_apart(first_run):
    """read_state's parts: the fetch's (the shards' known titles by feed and outlet, read as rows), the
    article side EarlyNer compares items with, the merge's (the article side and the entities); each leaves
    the others empty, and the whole state has them all."""
    from pathlib import Path

    from flows.ingest import read_state
    from newsetl.config import Settings
    from store import KNOWN_TITLES_SCHEMA
    from transforms.dedupe import KNOWN_SCHEMA

    summary, db, _ = first_run
    settings = Settings.from_env(warehouse_path=Path(db))
    whole = read_state.fn(settings, summary.started_at)
    fetch = read_state.fn(settings, summary.started_at, fetch_only=True)
    articles = read_state.fn(settings, summary.started_at, articles_only=True)
    merge = read_state.fn(settings, summary.started_at, merge_only=True)
    titles = sorted(query(db, "select feed_id, source_id, url, title from articles where url is not null"))
    assert len(titles) > 40
    for state in (whole, fetch):
        assert state.known_titles.schema == KNOWN_TITLES_SCHEMA
        assert sorted(state.known_titles.rows()) == titles
        assert state.validators and state.validators == whole.validators
    for state in (whole, articles, merge):
        assert state.known_articles.schema == KNOWN_SCHEMA
        assert state.known_articles.height == counts(db)["articles"]
        assert state.recent_signatures.height == whole.recent_signatures.height > 0
        assert state.known_aliases.height == whole.known_aliases.height > 0
    for state in (whole, merge):
        assert state.known_entities.height == counts(db)["entities"] > 0
        assert state.recent_entities.height == whole.recent_entities.height > 0
    assert fetch.known_articles.is_empty() and fetch.recent_signatures.is_empty()
    assert articles.known_titles.is_empty() and not articles.validators and articles.known_entities.is_empty()
    assert merge.known_titles.is_empty() and not merge.validators


def test_second_run_adds_no_rows(first_run, site_server):
    summary, db, sources = first_run
    before = counts(db)
    again = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert counts(db) == before
    assert again.articles["new"] == 0 and again.articles["changed"] == 0
    outcomes = {s["name"]: s["outcome"] for s in again.sources}
    # the sample server answers If-Modified-Since with 304; nothing is parsed again
    assert outcomes["independent-world"] == "not_modified"
    assert outcomes["daily8-world"] == "not_modified"
    assert query(db, "select count(*) from runs where status = 'completed'")[0][0] == 2


def test_an_edited_headline_is_a_new_version(first_run, site_server, monkeypatch):
    """The feed and the page of one article change their headline: the page is fetched again, the
    article updated, a version added, and the change listed by analytics.headline_changes."""
    _, db, sources = first_run
    feed = (SAMPLE_SITE / "independent" / "rss.xml").read_bytes()
    page = (SAMPLE_SITE / "independent" / "articles" / "bank-of-england-holds-rates.html").read_bytes()
    old = b"Bank of England holds interest rates"
    new = b"Bank of England keeps interest rates"
    assert old in feed and old in page
    site_server.routes["/independent/rss.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                                  feed.replace(old, new))
    site_server.routes["/independent/articles/bank-of-england-holds-rates.html"] = (
        200, {"Content-Type": "text/html"}, page.replace(old, new))
    reads, handed = [], []  # the state's reads; the articles EarlyNer hands to NER ahead of the merge
    real_read, real_inputs = flows.ingest.read_state.fn, flows.ingest.ner_inputs
    monkeypatch.setattr(flows.ingest.read_state, "fn", lambda *a, **k: reads.append(k) or real_read(*a, **k))
    monkeypatch.setattr(flows.ingest, "ner_inputs",
                        lambda articles: handed.extend(articles["title"]) or real_inputs(articles))
    try:
        summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    finally:
        del site_server.routes["/independent/rss.xml"]
        del site_server.routes["/independent/articles/bank-of-england-holds-rates.html"]
    assert summary.articles["changed"] == 1 and summary.articles["new"] == 0
    # the stored articles read once the changed feed brought its items, and only the changed one read ahead
    assert reads == [{"fetch_only": True}, {"articles_only": True}, {"merge_only": True}]
    assert len(handed) == 1 and handed[0].startswith("Bank of England keeps")
    changes = query(db, "select previous_title, title from analytics.headline_changes")
    assert len(changes) == 1
    before, after = changes[0]
    assert before.startswith("Bank of England holds") and after.startswith("Bank of England keeps")
    assert query(db, """select count(*) from article_versions v join articles a using (article_id)
                        where a.canonical_url like '%bank-of-england-holds-rates%'""")[0][0] == 2


def test_listing_articles_about_one_event_share_a_story_and_an_unrelated_one_does_not(first_run):
    _, db, _ = first_run
    cards = dict(query(db, """select canonical_url, story_id from articles
                              where content_source = 'listing' or canonical_url like '%putin-endorses%'
                                 or canonical_url like '%marine-insurers%'"""))
    storm = [story for url, story in cards.items() if "storm-isolde" in url]
    event = {story for url, story in cards.items() if "storm-isolde" not in url}
    assert len(cards) == 7 and len(storm) == 1
    assert len(event) == 1, cards
    assert storm[0] not in event
    assert query(db, "select max(outlets) from analytics.stories")[0][0] >= 4
