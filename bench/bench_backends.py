"""The embedded warehouse against the same rows in a DuckLake on PostgreSQL (issue 16): the copy, the README's
view queries and a batch load, side by side.

    .venv/bin/python bench/gen_warehouse.py /tmp/wh/wh-1m.duckdb --articles 1000000 --mentions 20000000 \\
        --outlets 500 --entities 200000 --days 365 --seed 0 --end 2026-12-01T00:00:00
    .venv/bin/python bench/bench_backends.py /tmp/wh/wh-1m.duckdb --work /tmp/wh/lake --repeat 5

It starts its own PostgreSQL (tests/postgres.py: Debian's, as the postgres user, on 127.0.0.1, in a temp dir,
stopped at the end), copies the warehouse into an empty lake whose data is under --work
(`newsetl warehouse copy`'s code: store/copy.py, timed, the search index built on the way), then:

- views: every typical query of bench/bench_views.py (TYPICAL: the dashboard's and the README's queries),
  on a read-only connection to the file and on a reader of the lake pinned at its published snapshot
  (store.connect_reader), --repeat times each, median;
- load: bench/bench_load.py's batch (--new new articles, --changed changed ones, their mentions, entities,
  versions, signatures and fetches as stage tables) through the working tree's sql/load/, one transaction
  rolled back, --repeat times on each backend, median per table; then once more committed (the file's
  side into a copy of it), the commit timed apart: a lake writes its Parquet files and catalog rows there;
- sizes: the file, the lake's data folder and the catalog database (pg_database_size).

Prints one table per part with the lake/file ratio. Nothing is changed in the warehouse file.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_load import TABLES, stage_batch, timed_load  # noqa: E402
from bench_views import TYPICAL, measure, query_run  # noqa: E402

import store  # noqa: E402
from newsetl.config import Lake  # noqa: E402
from store.copy import copy_warehouse  # noqa: E402
from tests.postgres import start_postgres  # noqa: E402

PARAMS_SQL = Path(__file__).resolve().parent / "bench_backends.sql"  # the views' parameters


def view_params(con: duckdb.DuckDBPyConnection) -> dict:
    """bench_views' parameters: the newest article's time, the most mentioned entity."""
    statements = store.split_statements(PARAMS_SQL.read_text(encoding="utf-8"))
    newest = con.execute(statements[0]).fetchone()[0] or datetime(2000, 1, 1)
    entity = con.execute(statements[1]).fetchone()
    return {"since_30d": newest - timedelta(days=30), "since_7d": newest - timedelta(days=7),
            "last_day": newest.date(), "entity_id": entity[0] if entity else "", "limit": 50}


def time_views(con: duckdb.DuckDBPyConnection, params: dict, repeat: int) -> dict[tuple[str, str], dict]:
    results = {}
    for view, queries in TYPICAL.items():
        for label, sql in queries:
            results[(view, label)] = measure(con, query_run(con, sql, params), repeat, budget=120.0,
                                             timeout=300.0)
    return results


def time_load(con: duckdb.DuckDBPyConnection, new: int, changed: int, repeat: int) -> dict[str, float]:
    stage_batch(con, new, changed)
    statements = {t: store.split_statements(store.sql_text(f"load/{t}.sql")) for t in TABLES}
    loaded_at = datetime(2026, 12, 1)
    timed_load(con, statements, loaded_at)  # warm
    runs = [timed_load(con, statements, loaded_at) for _ in range(repeat)]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def time_committed_load(con: duckdb.DuckDBPyConnection) -> tuple[float, float]:
    """The batch (made by time_load) loaded once more and committed: (seconds of the statements, seconds of
    the commit). A lake writes its Parquet files and its catalog rows at the commit."""
    statements = {t: store.split_statements(store.sql_text(f"load/{t}.sql")) for t in TABLES}
    seconds = timed_load(con, statements, datetime(2026, 12, 1), commit=True)
    return seconds["total"], seconds["end"]


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ratio(lake: float | None, file: float | None) -> str:
    return f"{lake / file:.2f}" if lake and file else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path, help="an embedded warehouse (bench/gen_warehouse.py)")
    parser.add_argument("--work", type=Path, required=True,
                        help="folder for the lake's data and search file (emptied first)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--new", type=int, default=2000)
    parser.add_argument("--changed", type=int, default=500)
    args = parser.parse_args()
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    server = start_postgres()
    try:
        server.create_database("bench_lake")
        lake = Lake(server.conninfo("bench_lake"), str(args.work / "data"), args.work / "news.search.duckdb")
        started = time.perf_counter()
        counts = copy_warehouse(args.warehouse.resolve(), lake)
        copy_seconds = time.perf_counter() - started
        print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, duckdb {duckdb.__version__}: {args.warehouse} "
              f"({counts['articles']:,} articles, {counts['article_entities']:,} mentions) copied into a "
              f"lake in {copy_seconds:.1f} s (search index and views included)", flush=True)
        import psycopg
        with psycopg.connect(server.conninfo("bench_lake")) as pg:
            catalog_bytes = pg.execute("select pg_database_size(current_database())").fetchone()[0]
        print(f"sizes: file {args.warehouse.stat().st_size / 2**20:,.0f} MiB; lake data "
              f"{folder_bytes(args.work / 'data') / 2**20:,.0f} MiB + catalog "
              f"{catalog_bytes / 2**20:,.1f} MiB "
              f"+ search file {lake.search_file.stat().st_size / 2**20:,.0f} MiB", flush=True)

        with duckdb.connect(str(args.warehouse), read_only=True) as con:
            params = view_params(con)
            file_views = time_views(con, params, args.repeat)
        with store.connect_reader(lake) as con:
            lake_views = time_views(con, params, args.repeat)
        print(f"\nviews (bench_views.py TYPICAL), median of {args.repeat}, seconds")
        print(f"{'view':<28} {'query':<40} {'file':>8} {'lake':>8} {'lake/file':>9} {'rows':>8}")
        for key, measured in file_views.items():
            other = lake_views[key]
            notes = ("" if measured.get("rows") == other.get("rows") else "  ROWS DIFFER") + (
                f"  {other['error']}" if "error" in other else "")
            file_s, lake_s = measured.get("median"), other.get("median")
            nan = float("nan")
            print(f"{key[0]:<28} {key[1][:40]:<40} {file_s or nan:>8.3f} {lake_s or nan:>8.3f} "
                  f"{ratio(lake_s, file_s):>9} {measured.get('rows') or 0:>8,}{notes}", flush=True)
        file_total = sum(m.get("median", 0) for m in file_views.values())
        lake_total = sum(m.get("median", 0) for m in lake_views.values())
        print(f"{'all queries':<69} {file_total:>8.3f} {lake_total:>8.3f} {ratio(lake_total, file_total):>9}")

        scratch = args.work / "scratch.duckdb"  # the committed load goes into a copy of the file
        shutil.copyfile(args.warehouse, scratch)
        with duckdb.connect(str(scratch)) as con:
            file_load = time_load(con, args.new, args.changed, args.repeat)
            file_commit = time_committed_load(con)
        scratch.unlink()
        with store.connect_writer(lake) as con:
            lake_load = time_load(con, args.new, args.changed, args.repeat)
            lake_commit = time_committed_load(con)
        print(f"\nbatch load ({args.new:,} new, {args.changed:,} changed articles; rolled back), median of "
              f"{args.repeat}, seconds")
        print(f"{'table':<22} {'file':>8} {'lake':>8} {'lake/file':>9}")
        for key in (*TABLES, "total"):
            print(f"{key:<22} {file_load[key]:>8.3f} {lake_load[key]:>8.3f} "
                  f"{ratio(lake_load[key], file_load[key]):>9}")
        print("committed once (statements + commit):")
        for label, index in (("statements", 0), ("commit", 1)):
            print(f"{label:<22} {file_commit[index]:>8.3f} {lake_commit[index]:>8.3f} "
                  f"{ratio(lake_commit[index], file_commit[index]):>9}")
        total_file, total_lake = sum(file_commit), sum(lake_commit)
        print(f"{'load + commit':<22} {total_file:>8.3f} {total_lake:>8.3f} "
              f"{ratio(total_lake, total_file):>9}")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
