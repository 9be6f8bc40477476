"""The merge reads its batch in chunks to keep a big run's memory flat (issue 15): the rows loaded must not
depend on the chunk size. The same site is run into two warehouses, one with the smallest chunks, and every
table is compared, leaving out what differs from one run to another by nature (timestamps, run ids,
durations)."""

from __future__ import annotations

import re

import duckdb

import transforms.entities
from flows.ingest import ingest
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


def test_a_run_merged_in_chunks_loads_the_rows_of_the_same_run_merged_at_once(
        tmp_path, site_server, prefect_harness, monkeypatch):
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    whole, chunked = tmp_path / "whole" / "news.duckdb", tmp_path / "chunked" / "news.duckdb"
    for db in (whole, chunked):
        db.parent.mkdir()
    assert ingest(sources_file=str(sources), warehouse_path=str(whole)).status == "completed"
    monkeypatch.setattr(transforms.entities, "MENTION_CHUNK_TEXTS", 1)
    monkeypatch.setattr(transforms.entities, "COMENTION_CHUNK_ARTICLES", 1)
    assert ingest(sources_file=str(sources), warehouse_path=str(chunked)).status == "completed"
    expected, got = comparable_rows(whole), comparable_rows(chunked)
    assert expected["articles"] and expected["article_entities"]  # the site gives articles and entities
    assert got.keys() == expected.keys()
    for table in expected:
        assert got[table] == expected[table], table
