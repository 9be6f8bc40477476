"""A batch with nothing new (a re-poll: feed health and the fetch log only) loads just those: the statements
of the empty stage tables and the entity-aggregate refresh, which follows the articles, are not run."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

import store

SOURCES = pl.DataFrame(
    {"source_id": ["s1"], "name": ["A"], "outlet_key": ["a"], "domain": [None], "homepage": [None]},
    schema_overrides={"domain": pl.String, "homepage": pl.String},
)


@pytest.fixture
def con(tmp_path):
    with store.connect(tmp_path / "w.duckdb") as connection:
        store.migrate(connection)
        yield connection


def test_every_load_statement_works_by_the_rows_of_a_stage_table():
    """What lets the load skip a statement whose stage tables are empty."""
    for table in store.LOAD_ORDER:
        for statement in store.split_statements(store.sql_text(f"load/{table}.sql")):
            assert store.load._STAGE_TABLE.search(statement), (table, statement[:80])


def no_articles(con) -> pl.DataFrame:
    return con.execute("select * from articles limit 0").pl()


def test_a_batch_without_articles_refreshes_no_aggregate(con):
    empty_articles = no_articles(con)
    result = store.load_batch(
        con, {"sources": SOURCES, "articles": empty_articles}, datetime(2026, 11, 28)
    )
    assert result.added("sources") == 1 and result.added("articles") == 0
    assert result.aggregates_seconds == 0.0  # no refresh ran
    again = store.load_batch(
        con, {"sources": SOURCES, "articles": empty_articles}, datetime(2026, 11, 29)
    )
    assert again.added("sources") == 0
    assert con.execute("select first_seen_at from sources").fetchone()[0] == datetime(2026, 11, 28)


def test_an_injected_failure_after_a_skipped_table_still_rolls_back(con):
    empty_articles = no_articles(con)
    with pytest.raises(RuntimeError, match="injected"):
        store.load_batch(
            con,
            {"sources": SOURCES, "articles": empty_articles},
            datetime(2026, 11, 28),
            fail_after="articles",
        )
    assert con.execute("select count(*) from sources").fetchone()[0] == 0
