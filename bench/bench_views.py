"""How long each analytics view takes on a warehouse: the whole result, and the queries a dashboard runs.

    .venv/bin/python bench/bench_views.py bench/out/warehouse-1m.duckdb --repeat 5

The views are found in the database (every view of the `analytics` schema). For each:

- full: the view computed completely, `create temp table ... as select * from analytics.<view>` (every column
  and row is produced, nothing pruned, nothing sent to Python), then dropped;
- typical: the queries a dashboard sends (TYPICAL below: last 30 days, one entity, top 50 ...; a view without
  an entry gets `select * from analytics.<view> limit 100`), fetched as Arrow.

The file is opened read-only, as the dashboard opens it. Each query runs --repeat times (fewer if one
view's runs have already taken --budget seconds; a run is interrupted after --timeout seconds); the table
shows median, min and max seconds and the rows. The JSON goes to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

OUT_DIR = Path(__file__).resolve().parent / "out"

# view -> [(label, sql)]. Parameters: $since_30d / $since_7d (timestamps: the newest article minus 30 / 7
# days), $last_day (date of the newest article), $entity_id (the entity with the most article rows: the worst
# case for one-entity pages), $limit.
TYPICAL: dict[str, list[tuple[str, str]]] = {
    "articles_per_outlet_per_day": [
        ("last 30 days, by day and outlet",
         "select day, outlet, articles, originals, stories, words from analytics.articles_per_outlet_per_day "
         "where day >= cast($since_30d as date) order by day, outlet"),
        ("outlets, largest first",
         "select outlet, cast(sum(articles) as bigint) as articles "
         "from analytics.articles_per_outlet_per_day group by outlet order by articles desc, outlet"),
    ],
    "stories": [
        ("last 7 days, top 50 by articles",
         "select story_id, title, articles, outlets, copies, first_published_at, last_published_at, "
         "outlet_names from analytics.stories where last_published_at >= $since_7d "
         "order by articles desc, story_id limit $limit"),
    ],
    "stories_per_day": [
        ("last 30 days",
         "select * from analytics.stories_per_day where day >= cast($since_30d as date) order by day"),
    ],
    "headline_changes": [
        ("latest 50", "select * from analytics.headline_changes order by changed_at desc limit $limit"),
    ],
    "entity_mentions_per_day": [
        ("one entity's timeline",
         "select day, articles, outlets, mentions, title_mentions from analytics.entity_mentions_per_day "
         "where entity_id = $entity_id order by day"),
        ("top 10 people, last 7 days",
         "select entity, sum(articles) as articles, sum(mentions) as mentions "
         "from analytics.entity_mentions_per_day "
         "where entity_type = 'person' and day >= cast($since_7d as date) "
         "group by entity order by articles desc, mentions desc limit 10"),
    ],
    "top_entities_per_day": [
        ("newest day, people",
         "select * from analytics.top_entities_per_day where day = $last_day and entity_type = 'person' "
         "order by rank"),
    ],
    "entity_summary": [
        ("one entity", "select * from analytics.entity_summary where entity_id = $entity_id"),
        ("top 50 by articles",
         "select entity_id, entity, entity_type, articles from analytics.entity_summary "
         "order by articles desc, entity limit $limit"),
    ],
    "entity_mentions_per_week": [
        ("one entity's weeks",
         "select * from analytics.entity_mentions_per_week where entity_id = $entity_id order by week"),
    ],
    "top_entities_per_week": [
        ("newest week",
         "select * from analytics.top_entities_per_week "
         "where week = cast(date_trunc('week', $last_day) as date) "
         "order by entity_type, rank"),
    ],
    "trending_entities": [
        ("top 50", "select * from analytics.trending_entities limit $limit"),
    ],
    "entity_cooccurrence": [
        ("one entity's co-mentions, top 50",
         "select entity_id, entity, entity_type, articles, last_at from ("
         " select entity_id_b as entity_id, entity_b as entity, entity_type_b as entity_type,"
         " articles, last_at"
         " from analytics.entity_cooccurrence where entity_id_a = $entity_id"
         " union all"
         " select entity_id_a, entity_a, entity_type_a, articles, last_at"
         " from analytics.entity_cooccurrence where entity_id_b = $entity_id"
         ") order by articles desc, entity limit $limit"),
    ],
    "entity_comentions": [
        ("one entity's co-mentions, top 50",
         "select co_entity_id, co_entity, co_entity_type, articles, last_at from analytics.entity_comentions "
         "where entity_id = $entity_id order by articles desc, co_entity limit $limit"),
    ],
    "entity_outlets": [
        ("one entity's outlets",
         "select outlet, articles, last_published_at from analytics.entity_outlets "
         "where entity_id = $entity_id order by articles desc, outlet"),
    ],
    "latest_articles": [
        ("newest 100, last 7 days",
         "select published_at, outlet, title, language, word_count, is_syndicated_copy, canonical_url, "
         "article_id "
         "from analytics.latest_articles where published_at >= $since_7d "
         "order by published_at desc, article_id limit 100"),
    ],
    "feed_health": [
        ("all, failing first",
         "select * from analytics.feed_health order by error_streak desc, last_success_at nulls first, name"),
    ],
    "run_history": [
        ("latest 50", "select * from analytics.run_history order by started_at desc limit $limit"),
    ],
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--views", nargs="*", help="only these views (default: all of schema analytics)")
    parser.add_argument("--skip-full", action="store_true", help="only the typical queries")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="stop repeating a query once its runs took this many seconds (at least 1 run)")
    parser.add_argument("--timeout", type=float, default=900.0,
                        help="interrupt a run after this many seconds")
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit (default: DuckDB's)")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None,
                        help="JSON path (default bench/out/views-<file>.json)")
    return parser.parse_args(argv)


def timed(con: duckdb.DuckDBPyConnection, run, timeout: float) -> tuple[float | None, int | None, str | None]:
    """(seconds, rows, error) of one run; interrupted after `timeout` seconds."""
    timer = threading.Timer(timeout, con.interrupt)
    timer.start()
    started = time.perf_counter()
    try:
        rows = run()
        return time.perf_counter() - started, rows, None
    except duckdb.Error as exc:  # interrupted, out of memory
        elapsed = time.perf_counter() - started
        return None, None, f"{type(exc).__name__} after {elapsed:.1f} s: {str(exc).splitlines()[0][:200]}"
    finally:
        timer.cancel()


def measure(con, run, repeat: int, budget: float, timeout: float) -> dict:
    times: list[float] = []
    rows = None
    error = None
    for _ in range(repeat):
        seconds, n, error = timed(con, run, timeout)
        if seconds is None:
            break
        times.append(seconds)
        rows = n
        if sum(times) >= budget:
            break
    result = {"runs": len(times), "rows": rows, "seconds": [round(t, 4) for t in times]}
    if times:
        result.update(median=statistics.median(times), min=min(times), max=max(times))
    if error:
        result["error"] = error
    return result


def full_run(con: duckdb.DuckDBPyConnection, view: str):
    def run() -> int:
        try:
            con.execute(f'create or replace temp table _bench_full as select * from analytics."{view}"')
            return con.execute("select count(*) from _bench_full").fetchone()[0]
        finally:
            con.execute("drop table if exists _bench_full")
    return run


def query_run(con: duckdb.DuckDBPyConnection, sql: str, params: dict):
    used = {k: v for k, v in params.items() if f"${k}" in sql}

    def run() -> int:
        return con.execute(sql, used or None).to_arrow_table().num_rows
    return run


def fmt(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.3f}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.warehouse.exists():
        print(f"{args.warehouse} not found", file=sys.stderr)
        return 2
    config = {}
    if args.memory_limit:
        config["memory_limit"] = args.memory_limit
    if args.threads:
        config["threads"] = args.threads
    con = duckdb.connect(str(args.warehouse), read_only=True, config=config)
    views = [v for (v,) in con.execute("select view_name from duckdb_views() where schema_name = 'analytics' "
                                       "order by view_name").fetchall()]
    if args.views:
        missing = sorted(set(args.views) - set(views))
        if missing:
            print(f"no such view(s) in analytics: {', '.join(missing)}", file=sys.stderr)
            return 2
        views = [v for v in views if v in args.views]

    newest = con.execute("select max(published_at) from articles").fetchone()[0] or datetime(2000, 1, 1)
    top_entity = con.execute("select entity_id from article_entities group by entity_id "
                             "order by count(*) desc, entity_id limit 1").fetchone()
    params = {"since_30d": newest - timedelta(days=30), "since_7d": newest - timedelta(days=7),
              "last_day": newest.date(), "entity_id": top_entity[0] if top_entity else "", "limit": 50}
    counts = dict(con.execute("select 'articles', count(*) from articles union all "
                              "select 'article_entities', count(*) from article_entities").fetchall())
    settings = dict(con.execute("select name, value from duckdb_settings() "
                                "where name in ('threads', 'memory_limit')").fetchall())
    header = (f"newsetl view benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {args.warehouse.name} "
              f"({args.warehouse.stat().st_size / 2**30:.2f} GiB; {counts['articles']:,} articles, "
              f"{counts['article_entities']:,} article_entities), read-only, repeat {args.repeat}\n"
              f"duckdb {duckdb.__version__}, threads {settings.get('threads')}, memory_limit "
              f"{settings.get('memory_limit')}, {os.cpu_count()} CPUs; one-entity queries use the most "
              f"mentioned entity ({params['entity_id']}); newest article {newest:%Y-%m-%d %H:%M}")
    print(header, flush=True)

    results = []
    for view in views:
        entries = []
        if not args.skip_full:
            entries.append(("full", "full", full_run(con, view)))
        for label, sql in TYPICAL.get(view, [("limit 100", f'select * from analytics."{view}" limit 100')]):
            entries.append(("typical", label, query_run(con, sql, params)))
        for kind, label, run in entries:
            measured = measure(con, run, args.repeat, args.budget, args.timeout)
            results.append({"view": view, "kind": kind, "query": label, **measured})
            print(f"  {view:<28} {kind:<8} {label:<36} median {fmt(measured.get('median'))} s  "
                  f"rows {measured['rows'] if measured['rows'] is not None else '-':>10}  "
                  f"({measured['runs']} runs){'  ' + measured['error'] if 'error' in measured else ''}",
                  flush=True)
    con.close()

    table = render(results)
    print()
    print(table)
    out = args.out or OUT_DIR / f"views-{args.warehouse.stem}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "header": header, "warehouse": str(args.warehouse), "repeat": args.repeat, "budget": args.budget,
        "timeout": args.timeout, "params": {k: str(v) for k, v in params.items()}, "counts": counts,
        "duckdb": duckdb.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
        "settings": settings, "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "typical_sql": {v: dict(q) for v, q in TYPICAL.items()}, "results": results, "table": table,
    }, indent=2, default=str))
    print(f"\nwritten {out}")
    return 0


def render(results: list[dict]) -> str:
    lines = [f"{'view':<28} {'query':<40} {'median s':>9} {'min s':>8} {'max s':>8} {'runs':>4} {'rows':>12}"]
    for r in results:
        label = "FULL (all rows)" if r["kind"] == "full" else r["query"]
        rows = f"{r['rows']:,}" if r["rows"] is not None else "-"
        note = f"  {r['error']}" if "error" in r else ""
        lines.append(f"{r['view']:<28} {label:<40} {fmt(r.get('median')):>9} {fmt(r.get('min')):>8} "
                     f"{fmt(r.get('max')):>8} {r['runs']:>4} {rows:>12}{note}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
