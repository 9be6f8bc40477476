"""What the flow, the CLI and the dashboard read from the warehouse (sql/read/): the state a merge starts
from, feed health, table counts."""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl

from store.connection import allow_pyarrow
from store.sql import sql_text

# rows a state read takes from DuckDB at a time: DuckDB reserves each column's Arrow buffers for a whole batch
# before it fills them (8 MB a column at its default of 1,000,000 rows), and polars keeps those buffers as
# they are: the state of a warehouse of 20,000 articles (22 MB of data) held 152 MB of malloc'd memory read
# with DuckDB's default, 43 MB with this
READ_BATCH_ROWS = 16_384
KNOWN_TITLES_SCHEMA = {"feed_id": pl.String, "source_id": pl.String, "url": pl.String, "title": pl.String}


def state_frame(con: duckdb.DuckDBPyConnection, relative: str, params: dict | None = None) -> pl.DataFrame:
    """The rows of one read of sql/read/ as a frame, fetched READ_BATCH_ROWS at a time (through pyarrow,
    which a `newsetl run` process loads only from its first such read: store.connection)."""
    allow_pyarrow()
    return con.execute(sql_text(relative), params).pl(rows_per_batch=READ_BATCH_ROWS)


def row_dicts(con: duckdb.DuckDBPyConnection, relative: str, params: dict | None = None) -> list[dict]:
    """The rows of one read of sql/read/ as dicts (column -> value), read as rows, not through pyarrow."""
    cursor = con.execute(sql_text(relative), params)
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def stale_feeds(con: duckdb.DuckDBPyConnection, hours: float) -> list[dict]:
    """Feeds with no new article for more than `hours` hours (analytics.source_freshness), read as rows
    (as known_titles: every run reads them)."""
    return row_dicts(con, "read/stale_feeds.sql", {"hours": hours})



def known_articles(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every stored article as the transforms know it (sql/read/known_articles.sql): the columns of
    transforms.dedupe.KNOWN_SCHEMA."""
    return state_frame(con, "read/known_articles.sql")


def known_titles(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """feed_id, source_id, url, title of the stored articles that have a URL (sql/read/known_titles.sql),
    read as rows rather than through Arrow: the fetch at a run's start reads them, and a run that reads no
    other state (a re-poll of unchanged feeds) then never loads pyarrow and numpy, 0.1-0.2 s of its
    process (store.connection.leave_lookup_only_modules_unloaded). 20,000 titles: 40 ms as rows, 16 ms
    through pyarrow (medians of 7)."""
    return pl.DataFrame(con.execute(sql_text("read/known_titles.sql")).fetchall(), schema=KNOWN_TITLES_SCHEMA,
                        orient="row")


def recent_signatures(con: duckdb.DuckDBPyConnection, since: datetime) -> pl.DataFrame:
    return state_frame(con, "read/recent_signatures.sql", {"since": since})


def recent_article_entities(con: duckdb.DuckDBPyConnection, since: datetime) -> pl.DataFrame:
    return state_frame(con, "read/recent_article_entities.sql", {"since": since})


def known_entities(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entities, entity_aliases) as stored."""
    return state_frame(con, "read/known_entities.sql"), state_frame(con, "read/known_entity_aliases.sql")


def entity_decisions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None, list[str]]]:
    return con.execute(sql_text("read/entity_decisions.sql")).fetchall()


def page_retries(con: duckdb.DuckDBPyConnection, now: datetime, limit: int,
                 base_hours: float) -> dict[str, str]:
    """URL -> feed_id of the stored articles whose page is due to be fetched again
    (sql/read/page_retries.sql)."""
    rows = con.execute(sql_text("read/page_retries.sql"),
                       {"now": now, "limit": limit, "base_hours": base_hours}).fetchall()
    return {url: feed_id for feed_id, url in rows}


def known_source_aliases(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return state_frame(con, "read/known_source_aliases.sql")


def feed_validators(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None, str | None]]:
    """feed_id -> (ETag, Last-Modified, body SHA-256) of its last good fetch."""
    rows = con.execute(sql_text("read/feed_validators.sql")).fetchall()
    return {feed_id: tuple(rest) for feed_id, *rest in rows}


def feed_settings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """feed_id -> the SHA-256 of the settings it was last read with (feeds.settings_sha256)."""
    return dict(con.execute(sql_text("read/feed_settings.sql")).fetchall())


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(sql_text("read/table_counts.sql")).fetchall())
