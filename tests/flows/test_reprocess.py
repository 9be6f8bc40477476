"""`reprocess` rebuilds the derived tables from the raw store, with no network, to the same rows."""

from __future__ import annotations

import duckdb

from flows.ingest import ingest
from tests.conftest import write_sources

DERIVED = {
    "sources": "source_id", "source_aliases": "alias_kind, alias", "articles": "article_id",
    "article_versions": "article_id, content_hash", "article_signatures": "article_id",
    "entities": "entity_id", "entity_aliases": "entity_id, alias",
    "article_entities": "article_id, entity_id",
}


def dump(db) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: con.execute(f"select * from {table} order by {key}").fetchall()  # noqa: S608
                for table, key in DERIVED.items()}


def test_reprocess_gives_the_same_rows_without_fetching(tmp_path, site_server, prefect_harness):
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    db = tmp_path / "news.duckdb"
    ingest(sources_file=str(sources), warehouse_path=str(db))
    live = dump(db)
    assert len(live["articles"]) == 47

    with duckdb.connect(str(db)) as con:  # the derived tables lost (or about to be rebuilt)
        for table in DERIVED:
            con.execute(f"delete from {table}")  # noqa: S608
    requests_before = len(site_server.requests)
    summary = ingest(sources_file=str(sources), warehouse_path=str(db), reprocess=True)
    assert len(site_server.requests) == requests_before  # no network
    assert summary.status == "completed" and summary.articles["new"] == 47
    assert dump(db) == live

    again = ingest(sources_file=str(sources), warehouse_path=str(db), reprocess=True)
    assert again.status == "completed" and dump(db) == live
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from fetches").fetchone()[0] == 46  # the log is untouched
