"""The load: one batch in one transaction, every table or none. The batch's polars frames are registered
as `stage_<table>` and the statements of sql/load/ (MERGE INTO) read them, in LOAD_ORDER."""

from __future__ import annotations

import re
import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime

import duckdb
import polars as pl

from store.aggregates import refreshing_aggregates, refreshing_article_aggregates
from store.connection import after_commit, commit_batch, load_extension, transaction
from store.frames import registered
from store.lake import is_lake
from store.reads import table_counts
from store.search import has_search_index, index_articles, update_search_index
from store.sql import run_file, split_statements, sql_files, sql_text

# Load order: parents before children, so a check after the load never sees a dangling key.
LOAD_ORDER = ("sources", "source_aliases", "feeds", "articles", "story_merges", "article_versions",
              "article_signatures", "entities", "entity_aliases", "article_entities", "fetches",
              "rejected_items")



@dataclass(frozen=True)
class LoadResult:
    before: dict[str, int]
    after: dict[str, int]
    search_index_seconds: float | None = None   # the batch indexed for search in the same transaction
    aggregates_seconds: float = 0.0             # the entity aggregates refreshed in the same transaction

    def added(self, table: str) -> int:
        return self.after[table] - self.before[table]


# Every statement of sql/load/ inserts, updates or deletes by the rows of the stage tables it reads: one
# whose stage tables are all empty (most of them, in a run that found nothing new) has nothing to do.
_STAGE_TABLE = re.compile(r"\bstage_\w+")

# A fault injected for tests that prove a crash inside the load leaves nothing behind: the name of a table
# after which every load raises (set by the test, in the process that runs the flow; None in use).
CRASH_AFTER_TABLE: str | None = None


# Tables whose key the embedded file holds without a primary key (migrations 019, 020, 022 and 023: DuckDB's
# index of a key is read whole into memory by a load and written again by every checkpoint, and a table with
# one gets its last row group written again by every checkpoint, so it cost a load memory, and every
# checkpoint time, in proportion to the table): the load checks the keys it staged (sql/load/keys/) before it
# commits; check_results, which store.checks.record_checks writes, is checked there with its file. A lake has
# no key anywhere and checks after its merge (sql/checks/lake/).
KEYS_HELD_BY_THE_LOAD = tuple(file.stem for file in sql_files("load/keys"))


def refuse_keys_stored_twice(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Raise, failing the load's transaction, if `table` now holds a key this load staged more than once
    (as a primary key would refuse the insert)."""
    if twice := con.execute(sql_text(f"load/keys/{table}.sql")).fetchall():
        keys = "; ".join(f"({', '.join(map(str, row[:-1]))}) x{row[-1]}" for row in twice)
        raise RuntimeError(f"the load would store a key of {table} more than once: {keys}")


def mark_mojibake(con: duckdb.DuckDBPyConnection) -> None:
    """articles.has_mojibake for each row whose text is not looked at yet
    (sql/load/articles_has_mojibake.sql): those the load just wrote, or every stored row when migration
    021 added the column. The check articles_without_mojibake then reads a flag, not every stored text
    (+119 MB and 0.38 s a run at 20,000 articles; issue 15)."""
    run_file(con, "load/articles_has_mojibake.sql")


def load_batch(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame], loaded_at: datetime,
               fail_after: str | None = None, rebuild: bool = False,
               to_index: pl.DataFrame | None = None, commit: bool = False, sort: bool = True) -> LoadResult:
    """Load one batch in one transaction: every table or none. `frames` maps a table name to its stage
    frame (see LOAD_ORDER); missing ones are skipped. `fail_after` names a table after which to raise
    (default CRASH_AFTER_TABLE), for tests that prove a crash leaves nothing behind. `rebuild`
    (reprocess) first empties the derived tables, in the same transaction. `to_index`: articles to
    (re)index for search in the same transaction (article_id, title, body, as loaded), so a batch is never
    loaded without being searchable (when there is an index to update; the caller builds a missing one).
    Inside a batch transaction (store.batch_transaction: a run merged in chunks) the load is part of it;
    `commit`: this is the batch's last load, which commits it. `sort` False: the tables kept sorted by
    entity are left unsorted, whatever their unsorted share (a run merged chunk by chunk sorts them once,
    after its last chunk: a sort rewrites the whole table, and chunk by chunk that was every second or third
    chunk; issue 15)."""
    fail_after = fail_after or CRASH_AFTER_TABLE
    before = table_counts(con)
    staged = [t for t in LOAD_ORDER if frames.get(t) is not None]
    indexing = to_index is not None and not to_index.is_empty() and not rebuild and has_search_index(con)
    # a lake's index is in another database (the search file): indexed after the commit (store/lake.py)
    on_lake = is_lake(con)
    index_after_commit = indexing and on_lake
    indexing = indexing and not index_after_commit
    if indexing:
        load_extension(con, "fts")
    index_seconds = None
    with_rows = {f"stage_{t}" for t in staged if not frames[t].is_empty()}
    with ExitStack() as stage:
        for table in staged:  # every stage frame is visible to every statement (children read parents)
            stage.enter_context(registered(con, f"stage_{table}", frames[table]))
        with transaction(con):
            if rebuild:
                run_file(con, "load/clear_derived.sql")
            # the entity aggregates follow the articles' changes
            with (refreshing_article_aggregates(con, sort) if "stage_articles" in with_rows
                  else refreshing_aggregates(con, None)) as cost:
                for table in staged:
                    for statement in split_statements(sql_text(f"load/{table}.sql")):
                        if not with_rows.intersection(_STAGE_TABLE.findall(statement)):
                            continue  # it inserts, updates or deletes by stage rows: there are none
                        params = {"loaded_at": loaded_at} if "$loaded_at" in statement else None
                        con.execute(statement, params)
                    if f"stage_{table}" in with_rows and table in KEYS_HELD_BY_THE_LOAD and not on_lake:
                        refuse_keys_stored_twice(con, table)
                    if table == "articles" and "stage_articles" in with_rows:
                        mark_mojibake(con)
                    if fail_after == table:
                        raise RuntimeError(f"injected failure after loading {table}")
            if indexing:
                started = time.monotonic()
                index_articles(con, to_index)
                index_seconds = time.monotonic() - started
    timed: list[float] = []
    if index_after_commit:  # in a batch transaction, once the whole batch commits
        after_commit(con, lambda: timed.append(update_search_index(con, to_index)))
    if commit:
        commit_batch(con)
    if timed:
        index_seconds = timed[0]
    return LoadResult(before, table_counts(con), index_seconds, cost.seconds)
