"""`newsetl export`: the warehouse as Parquet for other tools (pandas, Spark, R, a data lake).

One folder per table under the target: big tables partitioned by UTC day in Hive style
(`articles/published_date=2026-11-28/data_0.parquet`), small ones as one `data_0.parquet`. What each table
exports is a query in sql/export/<table>.sql; a first line `-- partition: <column>` names its partition
column. Reads the published snapshot, read-only.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

EXPORT_DIR = Path(__file__).resolve().parent.parent / "sql" / "export"


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int
    files: int
    partition_by: str | None


def partition_column(query: str) -> str | None:
    """The column named by a `-- partition: <column>` first line, if any."""
    first = query.lstrip().splitlines()[0] if query.strip() else ""
    if first.startswith("-- partition:"):
        return first.split(":", 1)[1].strip() or None
    return None


def export_files(tables: list[str] | None = None) -> list[Path]:
    """The export queries of `tables` (all when None): sql/export/<table>.sql. An unknown table is a
    ValueError naming the choices."""
    files = sorted(EXPORT_DIR.glob("*.sql"))
    if tables:
        unknown = set(tables) - {f.stem for f in files}
        if unknown:
            raise ValueError(f"no export for {', '.join(sorted(unknown))}: choose from "
                             f"{', '.join(f.stem for f in files)}")
        files = [f for f in files if f.stem in tables]
    return files


def export_tables(con: duckdb.DuckDBPyConnection, target: Path, since: datetime | None = None,
                  files: list[Path] | None = None) -> list[ExportedTable]:
    """Write each export query (`files`, default all: export_files) to target/<table>/ as Parquet (zstd).
    An existing table folder is replaced, so a re-export never mixes old and new files."""
    files = export_files() if files is None else files
    target.mkdir(parents=True, exist_ok=True)
    done = []
    for file in files:
        query = file.read_text(encoding="utf-8")
        partition = partition_column(query)
        params = {"since": since} if "$since" in query else None
        rows = con.sql(query, params=params).aggregate("count(*)").fetchone()[0]
        relation = con.sql(query, params=params)
        out = target / file.stem
        if out.exists():
            shutil.rmtree(out)
        if partition and rows == 0:
            out.mkdir()
        elif partition:
            relation.write_parquet(str(out), compression="zstd", partition_by=[partition],
                                   write_partition_columns=False)
        else:
            out.mkdir()
            relation.write_parquet(str(out / "data_0.parquet"), compression="zstd")
        written = len(list(out.rglob("*.parquet")))
        done.append(ExportedTable(file.stem, rows, written, partition))
    return done
