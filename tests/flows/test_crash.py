"""A crash inside the load leaves nothing half-written; the next run loads everything."""

from __future__ import annotations

import duckdb
import pytest

import store
from flows.ingest import ingest
from tests.conftest import write_sources


def article_count(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from articles").fetchone()[0]


def test_crash_mid_load_rolls_back_the_whole_batch(tmp_path, site_server, prefect_harness, monkeypatch):
    monkeypatch.setattr(store.load, "CRASH_AFTER_TABLE", "article_entities")
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    db = tmp_path / "news.duckdb"
    with pytest.raises(RuntimeError, match="injected failure after loading article_entities"):
        ingest(sources_file=str(sources), warehouse_path=str(db))
    monkeypatch.undo()
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("sources", "articles", "entities", "article_entities", "feeds"):
            assert con.execute(f"select count(*) from {table}").fetchone()[0] == 0, table  # noqa: S608
        status, error = con.execute("select status, error from runs").fetchone()
        assert status == "failed" and "injected failure" in error
        # the fetch log of the failed run is kept for diagnosis
        assert con.execute("select count(*) from fetches").fetchone()[0] > 0

    summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert summary.status == "completed"
    assert article_count(db) == 47
