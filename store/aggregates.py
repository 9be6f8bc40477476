"""The entity aggregates the load keeps (sql/aggregates/): refreshed inside the load's transaction by the
difference of the article-entity rows a change touched, kept sorted by entity, recounted when asked."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

import duckdb

from newsetl import clock
from store.connection import before_commit, in_batch_transaction, transaction
from store.sql import run_file, split_statements, sql_text, without_comments


@dataclass
class AggregateCost:
    seconds: float = 0.0   # spent gathering the changes and refreshing the aggregates


@contextmanager
def refreshing_aggregates(con: duckdb.DuckDBPyConnection, changes: str | None,
                          **params) -> Iterator[AggregateCost]:
    """Keep the entity aggregates (entity_day_counts, entity_week_counts, entity_outlet_counts) and
    entity_articles true across the change made in the block, inside the caller's transaction: the
    article-entity rows that sql/aggregates/<changes>.sql selects are gathered before the block (what it may
    take away) and after it (what it put in), sql/aggregates/refresh.sql applies the difference, and the
    tables whose appended rows pass SORT_SHARE are sorted again (sort_by_entity). `changes` None: the block
    touches no article or mention. Yields the time it costs (filled when the block ends)."""
    cost = AggregateCost()
    if changes is None:
        yield cost
        return
    started = time.monotonic()
    gather = sql_text(f"aggregates/{changes}.sql")
    con.execute(sql_text("aggregates/changes_start.sql"))
    con.execute(gather, {"sign": -1, **params})
    cost.seconds = time.monotonic() - started
    yield cost
    started = time.monotonic()
    _put_in(con, gather, params)
    cost.seconds += time.monotonic() - started


@contextmanager
def refreshing_article_aggregates(con: duckdb.DuckDBPyConnection,
                                  sort: bool = True) -> Iterator[AggregateCost]:
    """refreshing_aggregates for a load of articles (stage_articles: sql/aggregates/changes_of_articles.sql).
    In a batch transaction (a run merged chunk by chunk: store.batch_transaction) the aggregates are
    refreshed once, just before the batch commits: each article's rows are taken away as they stood before
    the first load that met it and put in as they stand after the last. Refreshed load by load, every chunk
    counted the days it touched again, and the transaction held every version of those rows until it
    committed (issue 15). The cost of the deferred refresh is not in the yielded cost. `sort` False: the
    tables are not sorted again here, however many rows are unsorted (the caller sorts them later:
    sort_by_entity)."""
    cost = AggregateCost()
    started = time.monotonic()
    gather = sql_text("aggregates/changes_of_articles.sql")
    deferred = in_batch_transaction(con)
    if not deferred or before_commit(con, "aggregates", partial(_put_in, con, gather, {}, sort)):
        con.execute(sql_text("aggregates/changes_start.sql"))  # the batch's (or the load's) first gathering
    run_file(con, "aggregates/articles_of_load.sql")
    con.execute(gather, {"sign": -1})
    cost.seconds = time.monotonic() - started
    yield cost
    if not deferred:
        started = time.monotonic()
        _put_in(con, gather, {}, sort)
        cost.seconds += time.monotonic() - started


def _put_in(con: duckdb.DuckDBPyConnection, gather: str, params: dict, sort: bool = True) -> None:
    """The second half of a refresh: gather the rows as they stand after the change, apply the difference
    (sql/aggregates/refresh.sql), count the rows appended unsorted and (`sort`) sort the tables that need
    it."""
    con.execute(gather, {"sign": 1, **params})
    for statement in split_statements(sql_text("aggregates/refresh.sql")):
        appended = con.execute(statement).fetchall()
        into = _INSERT_INTO.match(without_comments(statement))
        if into and appended:
            con.execute(sql_text("aggregates/layout_appended.sql"),
                        {"rows": appended[0][0], "table_name": into.group(1)})
    if sort:
        sort_by_entity(con)


SORT_SHARE = 0.2        # a table kept sorted by entity is sorted again when this share of it is unsorted
SORT_MIN_ROWS = 50_000  # ... and at least this many rows are (small tables are cheap to scan anyway)
_INSERT_INTO = re.compile(r"insert into (\w+)")


def sort_by_entity(con: duckdb.DuckDBPyConnection, force: bool = False) -> list[str]:
    """Write the tables read one entity at a time (the entity aggregates, entity_articles) again sorted by
    entity_id when the rows appended since they were last sorted pass SORT_SHARE of them (with `force`,
    every one with appended rows), in the caller's transaction, so that DuckDB's min/max per row group skips
    the rest of the table for one entity. Returns the tables sorted. A lake sorts them as it writes them
    (SET SORTED BY, store/lake.py): nothing to do there."""
    from store.lake import is_lake
    if is_lake(con):
        return []
    done = []
    for table, unsorted, rows in con.execute(sql_text("aggregates/layout.sql")).fetchall():
        if unsorted and (force or (unsorted >= SORT_MIN_ROWS and unsorted > SORT_SHARE * rows)):
            run_file(con, f"aggregates/sort_{table}.sql", {"sorted_at": clock.now()})
            done.append(table)
    return done


def recount_aggregates(con: duckdb.DuckDBPyConnection) -> float:
    """Count the entity aggregates again from every mention, in one transaction (for a warehouse filled
    outside the load, as bench/gen_warehouse.py does). Returns seconds."""
    started = time.monotonic()
    with transaction(con):
        count_aggregates(con)
    return time.monotonic() - started


def count_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the entity aggregates and entity_articles, count them from every mention and sort them by
    entity, in the caller's transaction (the refresh sorts the large ones; the rest are sorted here)."""
    run_file(con, "aggregates/clear.sql")
    with refreshing_aggregates(con, "changes_of_everything"):
        pass
    sort_by_entity(con, force=True)
