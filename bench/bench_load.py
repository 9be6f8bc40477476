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

from store import split_statements  # noqa: E402

TABLES = ("sources", "source_aliases", "articles", "article_versions", "article_signatures", "entities",
          "entity_aliases", "article_entities", "fetches")

# The batch, as stage tables made from the warehouse's own rows (fixed SQL: nothing here comes from data).
BATCH_SQL = """
create temp table bench_new as
    select article_id as old_id, 'bench-new-' || article_id as article_id
    from articles order by hash(article_id, 1) limit $new;
create temp table bench_changed as
    select article_id from articles
    where article_id not in (select old_id from bench_new)
    order by hash(article_id, 2) limit $changed;
create temp table stage_articles as
    select a.* replace (n.article_id as article_id, 'bench-' || a.content_hash as content_hash,
                        a.canonical_url || '#bench' as canonical_url, a.url || '#bench' as url)
    from articles a join bench_new n on a.article_id = n.old_id
    union all by name
    select a.* replace ('bench-' || a.content_hash as content_hash, 'changed ' || a.title as title)
    from articles a semi join bench_changed c on a.article_id = c.article_id;
create temp table stage_article_versions as
    select article_id, content_hash, title, body, fetched_at as seen_at from stage_articles;
create temp table stage_article_signatures as
    select article_id, list_transform(range(64), i -> (hash(article_id, i) % 4294967296)::uinteger) as minhash
    from stage_articles;
create temp table stage_article_entities as
    select e.* replace (coalesce(n.article_id, e.article_id) as article_id)
    from article_entities e
    left join bench_new n on e.article_id = n.old_id
    where n.old_id is not null or e.article_id in (select article_id from bench_changed);
create temp table stage_entities as
    select e.entity_id, e.canonical_name, e.entity_type
    from entities e semi join stage_article_entities s on e.entity_id = s.entity_id
    union all
    select 'bench-entity-' || i, 'Bench Name ' || i, 'person' from range($new // 50) t(i);
create temp table stage_entity_aliases as
    select entity_id, canonical_name as alias from stage_entities;
create temp table stage_sources as
    select source_id, name, outlet_key, domain, homepage from sources;
create temp table stage_source_aliases as
    select alias, alias_key, alias_kind, source_id from source_aliases;
create temp table stage_fetches as
    select * replace ('bench-' || fetch_id as fetch_id) from fetches order by hash(fetch_id, 3) limit $new;
"""


def load_sql(revision: str | None, table: str) -> str:
    """sql/load/TABLE.sql of the working tree (revision None) or of a git revision."""
    if revision is None:
        return (ROOT / "sql" / "load" / f"{table}.sql").read_text(encoding="utf-8")
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:sql/load/{table}.sql"],
                          check=True, capture_output=True, text=True).stdout


def timed_load(con: duckdb.DuckDBPyConnection, statements: dict[str, list[str]],
               loaded_at: datetime) -> dict[str, float]:
    """Seconds of each table's statements, in one transaction rolled back at the end."""
    seconds = {}
    con.execute("begin")
    try:
        for table, texts in statements.items():
            started = time.perf_counter()
            for statement in texts:
                con.execute(statement, {"loaded_at": loaded_at} if "$loaded_at" in statement else None)
            seconds[table] = time.perf_counter() - started
    finally:
        con.execute("rollback")
    seconds["total"] = sum(seconds.values())
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
    for statement in split_statements(BATCH_SQL):
        con.execute(statement, {k: v for k, v in {"new": args.new, "changed": args.changed}.items()
                                if f"${k}" in statement})
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
