"""Same input, same rows (issue 12): live runs replayed by `reprocess` give every derived table back row
for row, history included; and the order of the sources file and of a feed's items changes nothing."""

from __future__ import annotations

from datetime import datetime

import duckdb

from flows.ingest import ingest
from newsetl import clock
from samples.corpus.wire import WIRE_BODY
from tests.conftest import SAMPLE_SITE, write_sources

# every table `reprocess` rebuilds (sql/load/clear_derived.sql)
DERIVED = ["sources", "source_aliases", "articles", "article_versions", "article_signatures", "entities",
           "entity_aliases", "article_entities", "entity_day_counts", "entity_week_counts",
           "entity_outlet_counts", "entity_articles"]

FEED = "/independent/rss.xml"
PAGE = "/independent/articles/bank-of-england-holds-rates.html"
OLD_TITLE = "Bank of England holds interest rates at 3.5% as inflation edges lower"


def dump(db) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: con.execute(f"select * from {table} order by all").fetchall()  # noqa: S608
                for table in DERIVED}


def site_file(path: str) -> bytes:
    return (SAMPLE_SITE / path.lstrip("/")).read_bytes()


def edited(title: str, extra: str) -> dict[str, tuple[int, dict[str, str], bytes]]:
    """The sample site with one Independent article edited: a new headline in the feed and on the page,
    and a paragraph added to the page's body."""
    feed = site_file(FEED).replace(OLD_TITLE.encode(), title.encode())
    page = site_file(PAGE).replace(OLD_TITLE.encode(), title.encode()).replace(
        b'<div class="article-body">', f'<div class="article-body"><p>{extra}</p>'.encode())
    return {FEED: (200, {"Content-Type": "application/rss+xml"}, feed),
            PAGE: (200, {"Content-Type": "text/html; charset=utf-8"}, page)}


def test_three_live_runs_of_a_changing_site_then_reprocess_give_every_table_back(
        tmp_path, site_server, prefect_harness, routes, loaded):
    sources, db = loaded  # the first live run
    routes.update(edited("Bank of England holds rates but signals cut in the new year",
                         "Markets moved to price in a cut by February after the minutes were published, "
                         "with sterling falling half a cent against the dollar in late trading."))
    second = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert second.articles["changed"] >= 1
    routes.update(edited("Bank of England signals rate cut as inflation slows",
                         "Two members of the committee voted for an immediate cut, the minutes showed, "
                         "the first split vote since the summer."))
    third = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert third.articles["changed"] >= 1
    live = dump(db)
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute("select count(*) from article_versions a join articles b using (article_id) "
                               "where b.url like '%bank-of-england-holds-rates%'").fetchone()[0]
    assert versions == 3  # the headline history is part of what must come back

    requests = len(site_server.requests)
    summary = ingest(sources_file=str(sources), warehouse_path=str(db), reprocess=True)
    assert summary.status == "completed"
    assert len(site_server.requests) == requests  # nothing fetched
    replayed = dump(db)
    for table in DERIVED:
        assert replayed[table] == live[table], table


def test_sources_and_items_in_reversed_order_give_the_same_rows(tmp_path, site_server, prefect_harness,
                                                                routes):
    forward = write_sources(tmp_path / "forward.toml", site_server.base_url)
    blocks = forward.read_text(encoding="utf-8").split("\n[[")
    backward = tmp_path / "backward.toml"
    backward.write_text(blocks[0] + "".join("\n[[" + b for b in reversed(blocks[1:])), encoding="utf-8")
    assert backward.read_text(encoding="utf-8") != forward.read_text(encoding="utf-8")

    with clock.pinned(datetime(2026, 11, 28, 12, 0), frozen=True):
        ingest(sources_file=str(forward), warehouse_path=str(tmp_path / "a" / "news.duckdb"))
        # the same feeds with their items in reversed order
        for path, kind in ((FEED, "rss"), ("/northerncourier/rss.xml", "rss"),
                           ("/harbourtimes/atom.xml", "atom")):
            routes[path] = (200, {"Content-Type": f"application/{kind}+xml"}, reversed_items(site_file(path)))
        ingest(sources_file=str(backward), warehouse_path=str(tmp_path / "b" / "news.duckdb"))
    a, b = dump(tmp_path / "a" / "news.duckdb"), dump(tmp_path / "b" / "news.duckdb")
    assert len(a["articles"]) == 47
    for table in DERIVED:
        assert a[table] == b[table], table


def reversed_items(feed: bytes) -> bytes:
    """The feed with its <item>s (or <entry>s) in reversed order, nothing else changed."""
    tag = b"item" if b"<item>" in feed else b"entry"
    head, *rest = feed.split(b"<" + tag + b">")
    items, tail = rest[:-1], rest[-1].split(b"</" + tag + b">")
    last, tail = tail[0] + b"</" + tag + b">", b"</" + tag + b">".join(tail[1:])
    chunks = [*items, last]
    return head + b"".join(b"<" + tag + b">" + c for c in reversed(chunks)) + tail


def test_a_failed_article_page_is_fetched_again_after_its_backoff(tmp_path, site_server, prefect_harness,
                                                                  routes):
    """Issue 17: a page that failed keeps only the feed's summary until a later run fetches it again; the
    retry waits 1 h after the first failure (then 2 h, 4 h, ...)."""
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    db = tmp_path / "news.duckdb"
    routes[PAGE] = (503, {}, b"try later")
    query = "select content_source, word_count from articles where url like '%bank-of-england-holds-rates%'"
    with clock.pinned(datetime(2026, 11, 28, 12, 0)):
        ingest(sources_file=str(sources), warehouse_path=str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(query).fetchone()[0] == "feed"
    del routes[PAGE]  # the page is back
    asked = site_server.requests.count(PAGE)
    with clock.pinned(datetime(2026, 11, 28, 12, 20)):  # too soon: not asked again
        ingest(sources_file=str(sources), warehouse_path=str(db))
    assert site_server.requests.count(PAGE) == asked
    with clock.pinned(datetime(2026, 11, 28, 13, 30)):
        summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert site_server.requests.count(PAGE) == asked + 1
    with duckdb.connect(str(db), read_only=True) as con:
        source, words = con.execute(query).fetchone()
    assert source == "page" and words > 150, (source, words)
    assert summary.articles["changed"] == 1, summary.articles


def test_an_edited_source_is_read_again_and_refetch_reads_one_source_again(tmp_path, site_server,
                                                                           prefect_harness, loaded):
    """Issue 17: after a selector edit the unchanged listing page was `not_modified` and the new selectors
    never applied; `--refetch` had no equivalent."""
    sources, db = loaded  # a first run of the sample site
    by_name = lambda summary: {s["name"]: s for s in summary.sources}  # noqa: E731
    again = by_name(ingest(sources_file=str(sources), warehouse_path=str(db)))
    assert again["daily8-world"]["outcome"] == again["independent-world"]["outcome"] == "not_modified"

    # the listing's card text now read from the card's headline
    listing = f'url = "{site_server.base_url}/daily8/world.html"'
    headline = """selectors = { text = ".//*[contains(@class,'card-title')]" }"""
    sources.write_text(sources.read_text(encoding="utf-8").replace(listing, f"{listing}\n{headline}"),
                       encoding="utf-8")
    edited = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert by_name(edited)["daily8-world"]["outcome"] == "ok"
    assert edited.articles["changed"] >= 1
    with duckdb.connect(str(db), read_only=True) as con:
        body = con.execute("select body from articles where canonical_url like '%telegraph.co.uk%barents%'"
                           ).fetchone()[0]
    assert body.startswith("Russia") and len(body.split()) < 20  # the headline, not the card's text
    assert by_name(ingest(sources_file=str(sources), warehouse_path=str(db)))["daily8-world"]["outcome"] \
        == "not_modified"  # read once with the new settings, then as before

    asked = len(site_server.requests)
    refetched = by_name(ingest(sources_file=str(sources), warehouse_path=str(db),
                               refetch=["independent-world"]))
    assert refetched["independent-world"]["outcome"] == "ok"
    assert refetched["independent-world"]["pages"] == 16
    assert refetched["harbour-times"]["outcome"] == "not_modified"
    assert len(site_server.requests) - asked >= 17  # the feed and its 16 pages


def test_reprocess_with_either_of_two_sources_files_loses_nothing(tmp_path, site_server, prefect_harness,
                                                                   routes):
    """Issue 17: a reprocess given a sources file listing some of the warehouse's feeds deleted the others'
    articles and every earlier version. It now replays everything landed; --dry-run changes nothing."""
    everything = write_sources(tmp_path / "all.toml", site_server.base_url).read_text(encoding="utf-8")
    head, *blocks = everything.split("\n[[sources]]")
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    first.write_text(head + "".join("\n[[sources]]" + b for b in blocks[:2]), encoding="utf-8")
    second.write_text(head + "".join("\n[[sources]]" + b for b in blocks[2:]), encoding="utf-8")
    db = tmp_path / "news.duckdb"
    ingest(sources_file=str(first), warehouse_path=str(db))
    ingest(sources_file=str(second), warehouse_path=str(db))
    routes.update(edited("Bank of England holds rates but signals cut in the new year",
                         "Markets moved to price in a cut by February."))
    ingest(sources_file=str(first), warehouse_path=str(db))
    live = dump(db)
    assert len(live["articles"]) == 47 and len(live["article_versions"]) == 48

    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select count(*) from runs").fetchone()[0]
    dry = ingest(sources_file=str(second), warehouse_path=str(db), reprocess=True, dry_run=True)
    assert dry.status == "dry_run"
    assert {t: change for t, (_, change) in dry.table_rows.items() if change} == {}
    assert dump(db) == live
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from runs").fetchone()[0] == runs  # nothing written
    assert not list(tmp_path.glob("*dry-run*")) and not list(tmp_path.glob("*rebuild*"))

    for sources in (second, first):
        assert ingest(sources_file=str(sources), warehouse_path=str(db), reprocess=True).status == "completed"
        replayed = dump(db)
        for table in DERIVED:
            assert replayed[table] == live[table], (sources.name, table)


WIRE = "/harbourtimes/articles/container-freight-rates-fall-fourth-week.html"
WIRE_URL = "https://www.harbourtimes.example/2026/11/26/container-freight-rates-fall-fourth-week"


def syndicated_site(n: int) -> dict[str, tuple[int, dict[str, str], bytes]]:
    """A feed of `n` outlets' copies of the wire story, published an hour apart: each its own headline,
    canonical URL and one paragraph of its own, the wire's paragraphs word for word."""
    page = site_file(WIRE)
    routes, items = {}, []
    for i in range(1, n + 1):
        url = f"https://outlet{i}.example/business/freight-rates-fall"
        own = (f"<p>Outlet {i} adds: importers in its region expect cheaper containers to reach shops "
               "by the spring, though hauliers warn that road costs have not fallen at all.</p>")
        copy = (page.replace(WIRE_URL.encode(), url.encode())
                .replace(b"<title>", f"<title>Outlet {i}: ".encode())
                .replace(b"2026-11-26T15:00:00+01:00", f"2026-11-26T{14 + i:02d}:00:00+01:00".encode())
                .replace(b'<div class="article-body">', f'<div class="article-body">{own}'.encode()))
        routes[f"/syndicated/copy-{i}.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, copy)
        items.append(f"<item><title>Outlet {i}: freight rates fall again</title>"
                     f"<link>copy-{i}.html</link><guid>copy-{i}</guid>"
                     f"<pubDate>Thu, 26 Nov 2026 {13 + i:02d}:00:00 +0000</pubDate></item>")
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire copies</title>"
            "<link>https://wire.example/</link>" + "".join(items) + "</channel></rss>")
    routes["/syndicated/rss.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed.encode())
    return routes


def test_six_syndicated_copies_in_one_run_keep_their_text_and_point_at_the_original(
        tmp_path, site_server, prefect_harness, routes):
    routes.update(syndicated_site(6))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[sources]]
name = "wire-copies"
kind = "rss"
url = "{site_server.base_url}/syndicated/rss.xml"
outlet = "Wire copies"
follow_links = true
allow_private_hosts = true
""", encoding="utf-8")
    db = tmp_path / "news.duckdb"
    ingest(sources_file=str(sources), warehouse_path=str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""select canonical_url, word_count, duplicate_of, duplicate_kind, article_id
                              from articles order by published_at""").fetchall()
    assert len(rows) == 6
    original = rows[0]
    assert original[0] == "https://outlet1.example/business/freight-rates-fall" and original[2] is None
    wire_words = len(WIRE_BODY.split())
    for url, words, _, _, _ in rows:
        assert words > wire_words, (url, words)  # the full text and its own paragraph, not a cached parse's
    assert [(r[2], r[3]) for r in rows[1:]] == [(original[4], "near")] * 5
