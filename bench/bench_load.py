"""A batch load's statements on a big embedded warehouse: the load SQL of the working tree against the load
SQL of a git revision (issue 16: MERGE INTO in place of INSERT ... ON CONFLICT, measured on the embedded
backend first).

    .venv/bin/python bench/bench_load.py bench/out/wh-1m.duckdb --base 732349e [--new 2000] [--changed 500]
                                         [--repeat 5]

The batch is made from the warehouse itself: --new articles copied from sampled ones under new ids (with
their versions, signatures, article entities, fetches and 2% new entities and aliases), and --changed stored
articles with a new text (a new content hash). Then, for each side (base first, alternating), the
statements of sql/load/ for the tables a flow run loads (sources, source aliases, articles, versions,
signatures, entities, aliases, article entities, fetches) run in one transaction that is rolled back: the
warehouse is the same for every repeat and both sides. The aggregates' refresh and the search index are left
out (the same SQL on both sides). Prints the median seconds of each table's statements and of the whole
load, and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import split_statements, sql_text  # noqa: E402

TABLES = ("sources", "source_aliases", "articles", "article_versions", "article_signatures", "entities",
          "entity_aliases", "article_entities", "fetches")

BATCH_SQL = Path(__file__).resolve().parent / "bench_load.sql"  # the batch, as stage tables


def stage_batch(con: duckdb.DuckDBPyConnection, new: int, changed: int) -> None:
    """bench_load.sql's batch as temporary stage tables on `con`: `new` articles copied from sampled stored
    ones under new ids, `changed` stored ones with a new text (the warehouse itself is not changed)."""
    for statement in split_statements(BATCH_SQL.read_text(encoding="utf-8")):
        con.execute(statement, {k: v for k, v in {"new": new, "changed": changed}.items()
                                if f"${k}" in statement})


def load_sql(revision: str | None, table: str) -> str:
    """sql/load/TABLE.sql of the working tree (revision None) or of a git revision."""
    if revision is None:
        return sql_text(f"load/{table}.sql")
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:sql/load/{table}.sql"],
                          check=True, capture_output=True, text=True).stdout


def timed_load(con: duckdb.DuckDBPyConnection, statements: dict[str, list[str]],
               loaded_at: datetime, commit: bool = False) -> dict[str, float]:
    """Seconds of each table's statements and their `total`, in one transaction rolled back at the end
    (`commit`: committed), and the seconds of that rollback or commit (`end`)."""
    seconds = {}
    con.execute("begin")
    try:
        for table, texts in statements.items():
            started = time.perf_counter()
            for statement in texts:
                con.execute(statement, {"loaded_at": loaded_at} if "$loaded_at" in statement else None)
            seconds[table] = time.perf_counter() - started
    except BaseException:
        con.execute("rollback")
        raise
    seconds["total"] = sum(seconds.values())
    started = time.perf_counter()
    con.execute("commit" if commit else "rollback")
    seconds["end"] = time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--base", required=True, help="git revision whose sql/load/ is the other side")
    parser.add_argument("--new", type=int, default=2000)
    parser.add_argument("--changed", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    con = duckdb.connect(str(args.warehouse))
    stage_batch(con, args.new, args.changed)
    counts = {t: con.table("stage_" + t).aggregate("count(*)").fetchone()[0] for t in TABLES}
    stored = con.execute("select count(*) from articles").fetchone()[0]
    batch = ", ".join(f"{t} {n:,}" for t, n in counts.items())
    print(f"warehouse {args.warehouse}: {stored:,} articles; batch: {batch}")
    sides = {name: {t: split_statements(load_sql(revision, t)) for t in TABLES}
             for name, revision in ((f"base ({args.base})", args.base), ("working tree", None))}
    loaded_at = datetime(2026, 12, 1, tzinfo=UTC).replace(tzinfo=None)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    timed_load(con, sides["working tree"], loaded_at)  # warm the file's pages once
    for _ in range(args.repeat):
        for name, statements in sides.items():
            runs[name].append(timed_load(con, statements, loaded_at))
    medians = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
    base, head = medians.values()
    print(f"median of {args.repeat}, seconds")
    print(f"{'table':<20}" + "".join(f"{name:>26}" for name in sides) + f"{'ratio':>8}")
    for key in (*TABLES, "total"):
        ratio = head[key] / base[key] if base[key] else float("nan")
        print(f"{key:<20}{base[key]:>26.3f}{head[key]:>26.3f}{ratio:>8.2f}")


if __name__ == "__main__":
    main()
