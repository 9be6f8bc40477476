"""Run records (sql/load/run_*.sql): a run started (and the ones it found interrupted), finished or
skipped, and its fetches."""

from __future__ import annotations

import duckdb
import polars as pl

from store.connection import transaction
from store.frames import registered
from store.sql import split_statements, sql_text


def running_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r for (r,) in con.execute(sql_text("load/runs_running.sql")).fetchall()]


def record_run_started(con: duckdb.DuckDBPyConnection, alive: list[str] = (), **params) -> int:
    """Record this run as running; runs still marked running, other than the `alive` ones (between their
    start and their merge), are ones that were killed or crashed (the caller holds the warehouse's ingest
    lock): they are marked interrupted. Returns how many were."""
    listed, update = split_statements(sql_text("load/runs_interrupted.sql"))
    which = {"run_id": params["run_id"], "alive": list(alive)}
    interrupted = con.execute(listed, which).fetchall()
    if interrupted:
        con.execute(update, {**which, "now": params["started_at"]})
    con.execute(sql_text("load/run_started.sql"), params)
    return len(interrupted)


def record_run_finished(con: duckdb.DuckDBPyConnection, **params) -> None:
    con.execute(sql_text("load/run_finished.sql"), params)


def record_run_skipped(con: duckdb.DuckDBPyConnection, **params) -> None:
    con.execute(sql_text("load/run_skipped.sql"), params)


def record_fetches(con: duckdb.DuckDBPyConnection, fetches: pl.DataFrame) -> None:
    """Fetch log of a run whose load failed: kept so the failure can be diagnosed."""
    with transaction(con), registered(con, "stage_fetches", fetches):
        con.execute(sql_text("load/fetches.sql"))
