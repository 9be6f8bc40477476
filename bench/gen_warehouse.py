"""Generate a realistic newsetl warehouse of any size, quickly, for benchmarks and dashboard tests.

    .venv/bin/python bench/gen_warehouse.py bench/out/wh-1m.duckdb --articles 1000000 --mentions 20000000 \\
        --outlets 500 --entities 200000 --days 365 --seed 0

The schema is the project's own: a new file is migrated with store.migrate() and gets the views of
store.apply_views(). The rows are made by the SQL of bench/gen_warehouse.sql (INSERT ... SELECT over
range(), every random draw a hash of the row number, the seed and a tag), so the same arguments give the same
rows (with --end fixed; by default the corpus ends at the current UTC hour, so "last 7 days" means something).
After the load the project's data-quality checks (sql/checks/) run and are printed; they are recorded as the
newest run's check_results. Exit code 1 if a check fails.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import (  # noqa: E402
    apply_views,
    build_search_index,
    migrate,
    record_checks,
    recount_aggregates,
    run_checks,
    split_statements,
    sql_files,
)

GENERATOR_SQL = Path(__file__).resolve().parent / "gen_warehouse.sql"
PARAM = re.compile(r"\$([a-z_]+)")
TABLES = ("sources", "source_aliases", "feeds", "runs", "fetches", "articles", "article_versions", "entities",
          "entity_aliases", "article_entities", "check_results")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the DuckDB file to create (must not exist, or use --force)")
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--mentions", type=int, default=20_000_000, help="article_entities rows")
    parser.add_argument("--outlets", type=int, default=500)
    parser.add_argument("--entities", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--end", type=datetime.fromisoformat, default=None,
                        help="newest moment of the corpus, UTC (default: the current hour)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--search-index", action="store_true",
                        help="also build the full-text index (fts_main_articles), as a run does")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    parser.add_argument("--memory-limit", default="16GB")
    args = parser.parse_args(argv)
    if args.articles < 1000 or args.outlets < 1 or args.entities < 100 or args.days < 1 or args.mentions < 0:
        parser.error("need --articles >= 1000, --outlets >= 1, --entities >= 100, --days >= 1, "
                     "--mentions >= 0")
    if args.end is None:
        args.end = datetime.now(UTC).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    elif args.end.tzinfo is not None:
        args.end = args.end.astimezone(UTC).replace(tzinfo=None)
    return args


def generate(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, log=print) -> None:
    params = {"articles": args.articles, "mentions": args.mentions, "outlets": args.outlets,
              "entities": args.entities, "days": args.days, "seed": args.seed, "end": args.end,
              "checks": [p.stem for p in sql_files("checks")]}
    for statement in split_statements(GENERATOR_SQL.read_text(encoding="utf-8")):
        started = time.monotonic()
        code = "\n".join(line.split("--")[0] for line in statement.splitlines())
        names = set(PARAM.findall(code))
        con.execute(statement, {k: v for k, v in params.items() if k in names} or None)
        label = _label(statement)
        if label:
            log(f"  {label:<60} {time.monotonic() - started:7.1f} s")


def _label(statement: str) -> str | None:
    """'insert into articles' / 'create temp table g_text' for the progress log; None for the set-up."""
    code = " ".join(line for line in statement.splitlines() if not line.strip().startswith("--"))
    match = re.search(r"\b(insert into \w+|create temp table \w+|update \w+)", code)
    return match.group(1) if match else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out: Path = args.out
    if out.exists():
        if not args.force:
            print(f"{out} exists (use --force to replace it)", file=sys.stderr)
            return 2
        out.unlink()
    out.with_name(out.name + ".wal").unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    print(f"generating {out}: {args.articles:,} articles, {args.mentions:,} mentions, "
          f"{args.outlets:,} outlets, {args.entities:,} entities, {args.days} days up to "
          f"{args.end:%Y-%m-%d %H:%M} UTC, seed {args.seed}")
    con = duckdb.connect(str(out))
    try:
        con.execute("set memory_limit = $m", {"m": args.memory_limit})
        if args.threads:
            con.execute("set threads = $t", {"t": args.threads})
        migrate(con)
        generate(con, args)
        print(f"  {'entity aggregates':<60} {recount_aggregates(con):7.1f} s")
        apply_views(con)
        checks = run_checks(con)
        last_run = con.execute("select run_id, finished_at from runs order by started_at desc limit 1"
                               ).fetchone()
        con.execute("delete from check_results where run_id = ?", [last_run[0]])
        record_checks(con, last_run[0], checks, last_run[1])
        if args.search_index:
            print(f"  {'search index (fts)':<60} {build_search_index(con):7.1f} s")
        counts = [(table, con.execute(f"select count(*) from {table}").fetchone()[0]) for table in TABLES]
        con.execute("checkpoint")
    finally:
        con.close()
    elapsed = time.monotonic() - started

    print("rows: " + ", ".join(f"{name} {n:,}" for name, n in counts))
    failing = {name: n for name, n in checks.items() if n}
    print(f"checks: {len(checks) - len(failing)}/{len(checks)} pass"
          + ("" if not failing else "; FAILING: " + ", ".join(f"{k} ({v})" for k, v in failing.items())))
    size = out.stat().st_size
    print(f"done in {elapsed:.1f} s; {out} is {size / 2**30:.2f} GiB ({size:,} bytes)")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
