"""Data-quality checks (sql/checks/): the rows breaking each rule, recorded for each run."""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl

from store.connection import transaction
from store.frames import registered
from store.sql import sql_files, sql_text

KEY_CHECK = "unique_key_"   # sql/checks/lake/: a lake's primary keys, held by the merge and checked here


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each check in sql/checks/ returns the rows breaking its rule: name -> number of such rows. On a lake,
    which has no primary key, sql/checks/lake/ checks the keys inserted since the published snapshot too
    (the embedded file's keys refuse a duplicate themselves)."""
    from store.lake import is_lake, published_snapshot

    results = {file.stem: len(con.execute(file.read_text(encoding="utf-8")).fetchall())
               for file in sql_files("checks")}
    if is_lake(con):  # the keys inserted since the published snapshot: this run's (and the first run's all)
        since, until = con.execute(sql_text("lake/check_range.sql"),
                                   {"published": published_snapshot(con)}).fetchone()
        for file in sql_files("checks/lake"):
            results[file.stem] = len(con.execute(file.read_text(encoding="utf-8"),
                                                 {"since": since, "until": until}).fetchall())
    return results


def broken_keys(results: dict[str, int]) -> list[str]:
    """The tables whose key check failed (a lake's run that stored a key twice fails: the merge is wrong)."""
    return sorted(name.removeprefix(KEY_CHECK) for name, failing in results.items()
                  if name.startswith(KEY_CHECK) and failing)


def record_checks(con: duckdb.DuckDBPyConnection, run_id: str, results: dict[str, int],
                  checked_at: datetime) -> None:
    """Keep each check's result for the run: one statement over a stage frame of them (15 statements, one
    a check, took 20-25 ms of a re-poll's 2 s; issue 15). The table's key is held here, as the load holds
    its tables' (migration 023): the MERGE inserts a (run_id, check_name) once, and the keys it staged are
    checked before the commit."""
    from store.lake import is_lake
    from store.load import refuse_keys_stored_twice

    rows = pl.DataFrame({"run_id": run_id, "check_name": list(results),
                         "failing_rows": list(results.values()), "checked_at": checked_at},
                        schema={"run_id": pl.String, "check_name": pl.String, "failing_rows": pl.Int64,
                                "checked_at": pl.Datetime("us")})
    with transaction(con), registered(con, "stage_check_results", rows):
        con.execute(sql_text("load/check_results.sql"))
        if not is_lake(con):  # a lake checks its keys after the merge (sql/checks/lake/)
            refuse_keys_stored_twice(con, "check_results")
