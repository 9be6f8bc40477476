"""The merge reads its batch in chunks to keep a big run's memory flat (issue 15): the rows loaded must not
depend on the chunk size. The same site is run into two warehouses, one with the smallest chunks, and every
table is compared, leaving out what differs from one run to another by nature (timestamps, run ids,
durations)."""

from __future__ import annotations

import re

import duckdb
import pytest

import flows.ingest
import store
import store.aggregates
import store.load
import store.reads
import transforms.entities
from flows.ingest import ingest
from flows.spill import merge_chunks
from store.connection import load_extension
from tests.conftest import write_sources

# columns that differ between two runs of the same input: when, which run (a fetch id is made of the run
# id), how long
RUN_BOUND = re.compile(r"(^|_)run_id$|^fetch_id$|_seconds$|_ms$|^elapsed|^duration")


def comparable_rows(db) -> dict[str, list[tuple]]:
    """Every table's rows without its timestamps, run ids and durations, in one order."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_type = 'BASE TABLE' "
            "and table_schema = 'main' order by table_name").fetchall()]
        rows = {}
        for table in tables:
            columns = [c for c, kind in con.execute(
                "select column_name, data_type from information_schema.columns where table_name = ? "
                "and table_schema = 'main' order by ordinal_position", [table]).fetchall()
                if not kind.startswith(("TIMESTAMP", "DATE", "TIME", "INTERVAL")) and not RUN_BOUND.search(c)]
            if columns:
                listed = ", ".join(f'"{c}"' for c in columns)
                rows[table] = con.execute(f'select {listed} from "{table}" order by all').fetchall()  # noqa: S608
    return rows


@pytest.fixture(scope="module")
def whole(tmp_path_factory, site_server, prefect_harness):
    """The sample site run into a warehouse merged at once, as it is by default: what the runs merged in
    chunks below are compared with (made once for the module, then only read), and its sources file, which
    the runs below read too (a run records its path)."""
    folder = tmp_path_factory.mktemp("whole")
    sources = write_sources(folder / "sources.toml", site_server.base_url)
    db = folder / "news.duckdb"
    assert ingest(sources_file=str(sources), warehouse_path=str(db)).status == "completed"
    return sources, db


def test_a_run_merged_in_chunks_loads_the_rows_of_the_same_run_merged_at_once(
        tmp_path, site_server, prefect_harness, monkeypatch, whole):
    sources, whole = whole
    chunked = tmp_path / "chunked" / "news.duckdb"
    chunked.parent.mkdir()
    monkeypatch.setattr(transforms.entities, "MENTION_CHUNK_TEXTS", 1)
    monkeypatch.setattr(transforms.entities, "COMENTION_CHUNK_ARTICLES", 1)
    assert ingest(sources_file=str(sources), warehouse_path=str(chunked)).status == "completed"
    expected, got = comparable_rows(whole), comparable_rows(chunked)
    assert expected["articles"] and expected["article_entities"]  # the site gives articles and entities
    assert got.keys() == expected.keys()
    for table in expected:
        assert got[table] == expected[table], table


def merged_in_feed_chunks(monkeypatch) -> list[int]:
    """Make the merge take one feed at a time (the smallest chunks); returns the list the chunk counts of
    each merge are put in."""
    counted: list[int] = []

    def counting(results, items_of, limit):
        chunks = merge_chunks(results, items_of, limit)
        counted.append(len(chunks))
        return chunks

    monkeypatch.setenv("NEWSETL_MERGE_CHUNK_ITEMS", "1")
    monkeypatch.setattr(flows.ingest, "merge_chunks", counting)
    return counted


def test_a_run_merged_a_feed_at_a_time_loads_every_article_once_and_the_same_rows_each_time(
        tmp_path, site_server, prefect_harness, monkeypatch, whole):
    """The merge's chunks of feeds (flows/spill.py), each merged against the chunks before it in the one
    transaction, as if each chunk were a run of its own: every article of the whole merge is there, once,
    with the same text and the same articles mentioning entities; and the same input gives the same rows,
    whether the state is read from DuckDB in one batch or in many.
    What may differ from the whole merge is what one run after another may decide otherwise: an entity's
    type voted on one chunk's mentions, a story named after the article that started it in an earlier
    chunk, a listing card's text kept as a version before its page's. The README says so."""
    sources, whole = whole
    dbs = {name: tmp_path / name / "news.duckdb" for name in ("chunked", "again")}
    for db in dbs.values():
        db.parent.mkdir()
    dbs = {"whole": whole, **dbs}  # (the module's run merged at once)
    counted = merged_in_feed_chunks(monkeypatch)
    # each chunk is indexed for search once it is loaded (index_chunk), so the run's end builds nothing
    indexed, built = [], []
    update, build = store.update_search_index, store.build_search_index
    monkeypatch.setattr(store, "update_search_index",
                        lambda con, ids: indexed.append(len(ids)) or update(con, ids))
    monkeypatch.setattr(store, "build_search_index", lambda con: built.append(1) or build(con))
    for name in ("chunked", "again"):
        if name == "again":  # each chunk's state read from DuckDB 2 rows at a time: frames of many chunks
            monkeypatch.setattr(store.reads, "READ_BATCH_ROWS", 2)
        summary = ingest(sources_file=str(sources), warehouse_path=str(dbs[name]))
        assert summary.status == "completed" and set(summary.checks.values()) == {0}
    assert counted == [4, 4]  # the site's four feeds, one chunk each
    # (an article a later chunk changes is indexed again: 49 indexings of 47 articles here)
    assert len(indexed) == 8 and sum(indexed[4:]) >= summary.table_rows["articles"][0] and not built
    whole, chunked, again = (comparable_rows(db) for db in dbs.values())
    for table in chunked.keys() - {"aggregate_layout"}:  # (rows each load appended: more loads, more)
        assert again[table] == chunked[table], table
    with duckdb.connect(str(dbs["whole"]), read_only=True) as one, \
            duckdb.connect(str(dbs["chunked"]), read_only=True) as other:
        for query in ("select article_id, canonical_url, title, body, content_hash from articles order by 1",
                      "select distinct article_id from article_entities order by all"):
            expected = one.execute(query).fetchall()
            assert expected and other.execute(query).fetchall() == expected, query
        # the search index of a run merged chunk by chunk scores every article as the whole merge's does
        for con in (one, other):
            load_extension(con, "fts")
        words = sorted({w for (title,) in one.execute("select title from articles").fetchall()
                        for w in title.lower().split() if w.isalpha() and len(w) > 4})
        scores = ("select article_id, round(fts_main_articles.match_bm25(article_id, $q), 9) from articles "
                  "order by 1")
        matched = 0
        for word in words:  # (a stop word matches nothing in either)
            expected = one.execute(scores, {"q": word}).fetchall()
            assert other.execute(scores, {"q": word}).fetchall() == expected, word
            matched += any(score for _, score in expected)
        assert matched >= 12


def test_a_run_merged_chunk_by_chunk_sorts_the_entity_tables_once_after_its_last_chunk(
        tmp_path, site_server, prefect_harness, monkeypatch):
    """The chunks' loads leave the tables kept sorted by entity as they are; they are sorted once, after
    the last chunk (a sort writes a whole table again: at 20,000 pages, chunk by chunk, that was every second
    or third chunk's load, +120-185 MB on it). Here every table is due a sort at every load."""
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    db = tmp_path / "news.duckdb"
    counted = merged_in_feed_chunks(monkeypatch)
    monkeypatch.setattr(store.aggregates, "SORT_MIN_ROWS", 1)
    monkeypatch.setattr(store.aggregates, "SORT_SHARE", 0.0)
    in_loads, after_chunks = [], []
    sort, sort_after = store.aggregates.sort_by_entity, store.sort_by_entity
    monkeypatch.setattr(store.aggregates, "sort_by_entity",
                        lambda con, force=False: in_loads.append(sort(con, force)) or in_loads[-1])
    monkeypatch.setattr(store, "sort_by_entity",
                        lambda con: after_chunks.append(sort_after(con)) or after_chunks[-1])
    summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert summary.status == "completed" and set(summary.checks.values()) == {0}
    assert counted == [4] and not any(in_loads)  # (a refresh with nothing appended sorts nothing anyway)
    assert [sorted(tables) for tables in after_chunks] == [
        ["entity_articles", "entity_day_counts", "entity_outlet_counts", "entity_week_counts"]]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select sum(unsorted_rows) from aggregate_layout").fetchone() == (0,)
        rows = "select entity_id, published_at, article_id from entity_articles order by "
        stored = con.execute(rows + "rowid").fetchall()
        assert len(stored) > 40 and stored == con.execute(rows + "entity_id, published_at desc, article_id"
                                                          ).fetchall()


def test_a_crash_in_the_last_chunk_leaves_nothing_of_the_chunks_before_it(
        tmp_path, site_server, prefect_harness, monkeypatch):
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    db = tmp_path / "news.duckdb"
    counted = merged_in_feed_chunks(monkeypatch)
    # rejected_items is loaded with the last chunk only: the three chunks before it are loaded by then
    monkeypatch.setattr(store.load, "CRASH_AFTER_TABLE", "rejected_items")
    with pytest.raises(RuntimeError, match="injected failure after loading rejected_items"):
        ingest(sources_file=str(sources), warehouse_path=str(db))
    assert counted == [4]
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("sources", "articles", "article_versions", "entities", "article_entities", "feeds"):
            assert con.execute(f"select count(*) from {table}").fetchone()[0] == 0, table  # noqa: S608
        status, error = con.execute("select status, error from runs").fetchone()
        assert status == "failed" and "run failed in the merge" in error
        # the failed run's fetch log is recorded once: the chunks' own rows went with the working copy
        fetches, distinct, feeds = con.execute(
            "select count(*), count(distinct fetch_id), count(distinct feed_id) from fetches").fetchone()
        assert fetches == distinct > feeds == 4
    assert not list(db.parent.glob(".newsetl-rows-*"))  # the run's spilled rows went with it
