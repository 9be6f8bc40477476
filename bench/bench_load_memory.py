"""What one chunk's load costs in memory as the warehouse grows (issue 15): the peak RSS of a process that
loads a batch of --new articles into a copy of WAREHOUSE with the project's own load (store.load_batch: the
statements of sql/load/, the key checks, the entity aggregates' refresh and its sorting, the commit), then
checkpoints and closes the file, as a chunk of a run merged in a working copy does.

    .venv/bin/python bench/gen_warehouse.py /tmp/wh-20k.duckdb --articles 20000 --mentions 600000 \\
        --entities 50000 --outlets 20 --days 14 --end 2026-12-01T00:00
    .venv/bin/python bench/bench_load_memory.py /tmp/wh-20k.duckdb --new 2000 --repeat 3

The batch is bench_load.sql's (--new articles copied from sampled stored ones under new ids, with their
versions, signatures, mentions, entities and aliases; --changed stored ones with a new text), read into
polars frames as a flow's chunk is. Each repeat is a fresh process on a fresh copy of the warehouse; the
kernel's high-water mark of the process (VmHWM) is reset once the frames are built, so the figure is the
load's own: its peak RSS, and that peak less the RSS before the load. Prints the medians. --memory-limit
sets DuckDB's memory limit on the load's connection, as NEWSETL_WRITER_MEMORY does in a run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_load import TABLES, stage_batch  # noqa: E402 - the same batch as bench_load.py


def status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def reset_high_water_mark() -> None:
    """The kernel's high-water mark of this process's RSS (VmHWM) starts again from its RSS now."""
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")


def one_load(path: Path, new: int, changed: int, memory_limit: str | None = None,
             threads: int | None = None) -> dict:
    """In this process: the batch's frames from `path`, then its load, checkpoint and close."""
    import duckdb

    import store

    store.leave_lookup_only_modules_unloaded()  # as `newsetl run` does
    con = duckdb.connect(str(path))
    stage_batch(con, new, changed)
    frames = {t: con.table(f"stage_{t}").pl() for t in TABLES}
    for table in TABLES:
        con.execute(f"drop table stage_{table}")  # noqa: S608 - our names
    stored = con.execute("select (select count(*) from articles), (select count(*) from article_entities)"
                         ).fetchone()
    con.close()
    con = duckdb.connect(str(path))  # the load on a connection of its own, as a chunk's is
    if memory_limit:
        store.limit_memory(con, memory_limit)
    if threads:
        con.execute("set threads = $threads", {"threads": threads})
    reset_high_water_mark()
    before = status_mb("VmRSS")
    started = time.perf_counter()
    result = store.load_batch(con, frames, datetime(2026, 12, 1, tzinfo=UTC).replace(tzinfo=None))
    seconds = time.perf_counter() - started
    after_load = status_mb("VmHWM")
    con.execute("checkpoint")
    con.close()
    return {"articles": stored[0], "mentions": stored[1], "before_mb": before, "load_hwm_mb": after_load,
            "hwm_mb": status_mb("VmHWM"), "added": result.added("articles"), "load_seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--new", type=int, default=2000)
    parser.add_argument("--changed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-limit", default=None,
                        help="DuckDB's memory limit for the load's connection (as NEWSETL_WRITER_MEMORY)")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB's threads on the load's connection")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child: load into this copy
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_load(args.one, args.new, args.changed, args.memory_limit, args.threads)))
        return
    runs = []
    with tempfile.TemporaryDirectory(prefix="newsetl-load-memory-") as tmp:
        for _ in range(args.repeat):
            copy = Path(tmp) / "w.duckdb"
            shutil.copyfile(args.warehouse, copy)
            done = subprocess.run([sys.executable, __file__, str(args.warehouse), "--new", str(args.new),
                                   "--changed", str(args.changed), "--one", str(copy),
                                   *(["--memory-limit", args.memory_limit] if args.memory_limit else []),
                                   *(["--threads", str(args.threads)] if args.threads else [])],
                                  capture_output=True, text=True, check=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            copy.unlink()
    first = runs[0]
    peaks = ", ".join(f"{r['hwm_mb']:.0f}" for r in runs)
    median = {k: statistics.median(r[k] for r in runs)
              for k in ("before_mb", "load_hwm_mb", "hwm_mb", "load_seconds")}
    print(f"{args.warehouse}: {first['articles']:,} articles, {first['mentions']:,} mentions; "
          f"{args.new:,} new and {args.changed:,} changed articles loaded ({first['added']:,} added)"
          f"{'' if not args.memory_limit else ', memory limit ' + args.memory_limit}"
          f"{'' if not args.threads else f', {args.threads} thread(s)'}; "
          f"median of {args.repeat}: RSS {median['before_mb']:.0f} MB before the load, peak "
          f"{median['load_hwm_mb']:.0f} MB by its commit, {median['hwm_mb']:.0f} MB with the checkpoint "
          f"and close (+{median['hwm_mb'] - median['before_mb']:.0f} MB); "
          f"peaks {peaks} MB; the load (to its commit) {median['load_seconds']:.2f} s")


if __name__ == "__main__":
    main()
