"""The BM25 search index over article titles and bodies (DuckDB's fts extension, sql/search/): built
whole, or updated with a batch's articles inside the load's transaction."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from store.connection import load_extension, transaction
from store.frames import registered
from store.sql import run_file, sql_text


def build_search_index(con: duckdb.DuckDBPyConnection) -> float:
    """Build the BM25 full-text index over article titles and bodies from scratch. Returns seconds."""
    from store.lake import is_lake, use_lake
    started = time.monotonic()
    load_extension(con, "fts")
    if is_lake(con):  # the index lives in the lake's search file
        run_file(con, "lake/search_build.sql")
        use_lake(con)  # search_build.sql ends on `use lake`, which resets the search path
    else:
        con.execute(sql_text("search/build_index.sql"))
    return time.monotonic() - started


def update_search_index(con: duckdb.DuckDBPyConnection, articles: list[str] | pl.DataFrame) -> float:
    """Bring the index up to date with these new or changed articles, in one transaction. DuckDB's fts
    extension does not maintain its index on insert and rebuilding it costs ~0.1-0.4 ms an article
    (2-7 s at 20,000 here), so only the batch's articles are indexed (sql/search/update_index.sql);
    without an index yet, it is built. `articles`: as index_articles takes them. Returns seconds."""
    if not has_search_index(con):
        return build_search_index(con)
    started = time.monotonic()
    load_extension(con, "fts")
    with transaction(con):
        index_articles(con, articles)
    return time.monotonic() - started


# How many articles one pass of update_index.sql indexes. A load's chunk of ~1,900 articles indexed in one
# pass grew the process by 134-153 MB (tokens of every article at once, in DuckDB's temp tables), in four
# passes of 475 by 94 (issue 15; /tmp probe on the 20,000-page bench's warehouse). Smaller passes (240) gave
# no more back: each pass's appends to the postings table cost DuckDB memory of their own.
INDEX_PASS_ARTICLES = 500


def index_articles(con: duckdb.DuckDBPyConnection, articles: list[str] | pl.DataFrame) -> None:
    """sql/search/update_index.sql, inside the caller's transaction (the fts extension loaded), in passes
    of INDEX_PASS_ARTICLES articles. `articles`: their rows as loaded (article_id, title, body; a load's
    own frame), or their ids, whose texts are then read from the table (sql/search/batch_by_id.sql).
    Reading them cost DuckDB's cache the bodies of every row group that holds one, which in a warehouse of
    20,000 articles is all of them: +200 MB for the 1,900 articles of one chunk (issue 15)."""
    for start in range(0, len(articles), INDEX_PASS_ARTICLES):
        index_pass(con, articles[start:start + INDEX_PASS_ARTICLES])


def index_pass(con: duckdb.DuckDBPyConnection, articles: list[str] | pl.DataFrame) -> None:
    """One pass of index_articles: these articles' postings replace any they had."""
    with search_batch(con, articles):
        run_file(con, "search/update_index.sql")


@contextmanager
def search_batch(con: duckdb.DuckDBPyConnection, articles: list[str] | pl.DataFrame) -> Iterator[None]:
    """`search_batch` (article_id, title, body) for the block: the rows given, registered; or the rows of
    the ids given, read from the table into a temporary table (sql/search/batch_by_id.sql)."""
    if isinstance(articles, pl.DataFrame):
        with registered(con, "search_batch", articles.select("article_id", "title", "body")):
            yield
        return
    con.execute(sql_text("search/batch_by_id.sql"), {"article_ids": articles})
    try:
        yield
    finally:
        con.execute(sql_text("search/drop_batch_by_id.sql"))


def unindexed_articles(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Articles missing from the search index (left by a warehouse older than the in-load indexing)."""
    return [r[0] for r in con.execute(sql_text("read/unindexed_articles.sql")).fetchall()]


def has_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("select count(*) from duckdb_tables() where schema_name = 'fts_main_articles' "
                       "and table_name = 'docs'").fetchone()[0] > 0
