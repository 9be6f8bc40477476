"""What keeping a warehouse readable costs the writer, and what readers pay, on a warehouse of any size.

    python bench/bench_warehouse_ops.py bench/out/views-1000000.duckdb --repeat 3

Works on a copy (the writer's file) beside the given one, and measures, median of --repeat:
- search index: building the fts BM25 index over article titles and bodies from scratch
  (sql/search/build_index.sql), as the first run and a reprocess do;
- index update: indexing a batch of --batch changed articles into the existing index
  (sql/search/update_index.sql), as the flow does after each load;
- publish: checkpoint + copy + fsync + rename of the writer's file over the published one
  (flows.store.publish), as the flow does after each run;
- open: opening the published file read-only, as every reader does per query or page;
- search: a top-10 BM25 query (sql/read/search_articles.sql) through a fresh read-only connection.
Prints a table and writes JSON to bench/out/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from newsetl.config import writer_file  # noqa: E402

QUERIES = ("fisheries accord", "central bank interest rates", "election results parliament")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path, help="a warehouse file (e.g. from bench/gen_warehouse.py)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=1000, help="articles per index update")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = parser.parse_args()

    published = args.out / "ops" / "news.duckdb"
    published.parent.mkdir(parents=True, exist_ok=True)
    writer = writer_file(published)
    shutil.copyfile(args.warehouse, writer)
    with duckdb.connect(str(writer), read_only=True) as con:
        articles = con.execute("select count(*) from articles").fetchone()[0]

    figures: dict[str, list[float]] = {"search_index": [], "index_update": [], "publish": [], "open": [],
                                       "search": []}
    for _ in range(args.repeat):
        with store.connect(writer) as con:
            figures["search_index"].append(store.build_search_index(con))
            batch = [r[0] for r in con.execute("select article_id from articles order by random() limit ?",
                                               [args.batch]).fetchall()]
            figures["index_update"].append(store.update_search_index(con, batch))
            figures["publish"].append(store.publish(con, published))
    for _ in range(args.repeat * 5):
        def open_close():
            duckdb.connect(str(published), read_only=True).close()
        figures["open"].append(timed(open_close))
    for _ in range(args.repeat):
        for query in QUERIES:
            def search(q=query):
                with duckdb.connect(str(published), read_only=True) as con:
                    store.load_extension(con, "fts")
                    con.execute(store.sql_text("read/search_articles.sql"),
                                {"query": q, "limit": 10, "outlet": None, "since": None}).fetchall()
            figures["search"].append(timed(search))

    size_mb = published.stat().st_size / 1e6
    print(f"warehouse: {articles:,} articles, {size_mb:,.0f} MB; median of {args.repeat} "
          f"(open: {args.repeat * 5}, search: {args.repeat * len(QUERIES)})")
    print(f"{'operation':<14}{'median s':>10}{'min s':>10}{'max s':>10}")
    for name, values in figures.items():
        print(f"{name:<14}{statistics.median(values):>10.3f}{min(values):>10.3f}{max(values):>10.3f}")
    result = {"warehouse": str(args.warehouse), "articles": articles, "size_mb": size_mb,
              "figures": figures, "medians": {k: statistics.median(v) for k, v in figures.items()}}
    out = args.out / f"warehouse-ops-{articles}.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"written to {out}")
    shutil.rmtree(published.parent)


if __name__ == "__main__":
    main()
