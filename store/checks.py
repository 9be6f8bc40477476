"""Data-quality checks (sql/checks/): the rows breaking each rule, recorded for each run."""

from __future__ import annotations

from datetime import datetime

import duckdb

from store.connection import transaction
from store.sql import sql_files, sql_text


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each check in sql/checks/ returns the rows breaking its rule: name -> number of such rows."""
    return {file.stem: len(con.execute(file.read_text(encoding="utf-8")).fetchall())
            for file in sql_files("checks")}


def record_checks(con: duckdb.DuckDBPyConnection, run_id: str, results: dict[str, int],
                  checked_at: datetime) -> None:
    statement = sql_text("load/check_results.sql")
    with transaction(con):
        for name, failing in results.items():
            con.execute(statement, {"run_id": run_id, "check_name": name, "failing_rows": failing,
                                    "checked_at": checked_at})
