"""What keeping the entity aggregates costs a load, on a warehouse of any size.

    python bench/bench_aggregates.py bench/out/wh-1m.duckdb --batch 1000 --repeat 3

Works on a copy beside the given file. Each repeat loads, through flows.store.load_batch (one
transaction, as the flow does), a batch of --batch new articles (copies of the newest ones under new ids
and URLs, a day later, with their entities), then the same articles changed (new text, one entity fewer,
another mention of the rest), which makes every touched (entity, outlet) pair be counted again. Prints the
median load and the part of it spent on the aggregates (sql/aggregates/), and checks after the last repeat
that the aggregates equal a recount.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from tests.flows.test_entity_aggregates import assert_aggregates_exact  # noqa: E402


def batch_of(con: duckdb.DuckDBPyConnection, size: int, tag: str) -> dict[str, pl.DataFrame]:
    """The newest `size` articles as new ones: ids and URLs suffixed with `tag`, a day later."""
    articles = con.execute("select * from articles order by published_at desc, article_id limit ?",
                           [size]).pl()
    entities = con.execute("select ae.* from article_entities ae semi join (select article_id from articles "
                           "order by published_at desc, article_id limit ?) n using (article_id)",
                           [size]).pl()
    rename = pl.col("article_id") + tag
    articles = articles.with_columns(rename, canonical_url=pl.col("canonical_url") + f"?{tag}",
                                     published_at=pl.col("published_at") + timedelta(days=1),
                                     duplicate_of=pl.lit(None, pl.String), story_id=rename)
    return {"articles": articles, "article_entities": entities.with_columns(rename)}


def changed(batch: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The same articles with a new text: the first entity of each gone, one more mention of the others."""
    mentions = batch["article_entities"].sort("article_id", "entity_id")
    kept = mentions.filter(pl.int_range(pl.len()).over("article_id") > 0)
    return {"articles": batch["articles"].with_columns(content_hash=pl.col("content_hash") + "'"),
            "article_entities": kept.with_columns(mention_count=pl.col("mention_count") + 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    copy = args.warehouse.with_name(args.warehouse.stem + ".aggbench.duckdb")
    shutil.copyfile(args.warehouse, copy)
    figures: dict[str, list[float]] = {k: [] for k in ("new_load", "new_aggregates", "changed_load",
                                                       "changed_aggregates")}
    try:
        with duckdb.connect(str(copy)) as con:
            store.migrate(con)
            counts = con.execute("select (select count(*) from articles), (select count(*) from "
                                 "article_entities)").fetchone()
            print(f"{args.warehouse}: {counts[0]:,} articles, {counts[1]:,} mentions; batch {args.batch:,}")
            for rep in range(args.repeat):
                batch = batch_of(con, args.batch, f"-b{rep}")
                for kind, frames in (("new", batch), ("changed", changed(batch))):
                    started = time.perf_counter()
                    result = store.load_batch(con, frames, datetime(2026, 11, 29))
                    seconds = time.perf_counter() - started
                    added = result.after["articles"] - result.before["articles"]
                    figures[f"{kind}_load"].append(seconds)
                    figures[f"{kind}_aggregates"].append(result.aggregates_seconds)
                    print(f"  repeat {rep + 1}: {kind:<7} load {seconds:6.2f} s, of which aggregates "
                          f"{result.aggregates_seconds:5.2f} s ({added:+,} articles)", flush=True)
        print("aggregates equal a recount:", assert_aggregates_exact(copy))
    finally:
        copy.unlink(missing_ok=True)
        copy.with_name(copy.name + ".wal").unlink(missing_ok=True)
    for kind in ("new", "changed"):
        load = statistics.median(figures[f"{kind}_load"])
        agg = statistics.median(figures[f"{kind}_aggregates"])
        print(f"median, {kind} batch of {args.batch:,}: load {load:.2f} s, aggregates {agg:.2f} s "
              f"({agg / load:.0%} of the load)")


if __name__ == "__main__":
    main()
