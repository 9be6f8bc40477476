"""What DuckDB's checkpoint costs in memory as a run's chunks commit into a table of article-sized texts
(issue 15): --commits commits of --rows rows of ~--words words each, every one on a connection of its own
that is then closed, as a run merged chunk by chunk does. A close is a checkpoint; since duckdb/duckdb#18829
a commit into a table already on disk appends a row group of its own, and a checkpoint merges row groups
that fit in fewer, rewriting every row it merges. For each close: the growth of the process's high-water
mark (VmHWM, reset before the close through /proc/self/clear_refs, so Linux only) and the table's row
groups after it.

    .venv/bin/python bench/bench_row_group_merges.py
    .venv/bin/python bench/bench_row_group_merges.py --max-vacuum-tasks 0
    .venv/bin/python bench/bench_row_group_merges.py --row-group-size 8192
    .venv/bin/python bench/bench_row_group_merges.py --bounded

--max-vacuum-tasks sets DuckDB's setting of that name on each connection (0: no merges); --row-group-size
attaches the file with that ROW_GROUP_SIZE (DuckDB does not keep it in the file: every connection gives
it); --bounded checkpoints each connection as newsetl's closes do (store.connection.checkpoint);
--memory-limit sets DuckDB's memory_limit after each insert. The texts are words drawn from a fixed
vocabulary, so the figures repeat from run to run.
"""

from __future__ import annotations

import argparse
import random
import string
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb
from bench_load_memory import (  # the same measure; puts the project on the path
    reset_high_water_mark,
    status_mb,
)

from store.connection import checkpoint

INSERT = """
insert into t
select $chunk || '-' || i,
       (select string_agg($words[1 + ((i * 7919 + k * 104729 + $chunk) % len($words))::int], ' ')
        from range($per_text) r(k)),
       i
from range($rows) r(i)
"""


@contextmanager
def opened(path: Path, row_group_size: int | None):
    """A read-write connection to `path`, attached with `row_group_size` when given."""
    if row_group_size is None:
        con = duckdb.connect(str(path))
    else:
        con = duckdb.connect()
        con.execute(f"attach '{path}' as bench (ROW_GROUP_SIZE {int(row_group_size)})")  # our own temp path
        con.execute("use bench")
    try:
        yield con
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=14, help="commits, each closed (default 14)")
    parser.add_argument("--rows", type=int, default=1900, help="rows a commit (default 1,900: a chunk)")
    parser.add_argument("--words", type=int, default=650, help="words a text (default 650: ~4 KB)")
    parser.add_argument("--max-vacuum-tasks", type=int, default=None, help="DuckDB's max_vacuum_tasks")
    parser.add_argument("--row-group-size", type=int, default=None, help="ATTACH ... (ROW_GROUP_SIZE n)")
    parser.add_argument("--bounded", action="store_true", help="each close checkpoints as newsetl's do "
                        "(store.connection.checkpoint: within the memory DuckDB holds)")
    parser.add_argument("--memory-limit", default=None, help="DuckDB's memory_limit on each connection, set "
                                                              "after the insert (e.g. 64MB)")
    args = parser.parse_args()

    rng = random.Random(20261206)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(5000)]
    with tempfile.TemporaryDirectory(prefix="newsetl-row-groups-") as folder:
        path = Path(folder) / "bench.duckdb"
        with opened(path, args.row_group_size) as con:
            con.execute("create table t (id varchar, body varchar, n integer)")
        vacuum = "default" if args.max_vacuum_tasks is None else args.max_vacuum_tasks
        print(f"duckdb {duckdb.__version__}; {args.commits} commits of {args.rows} rows of {args.words} "
              f"words; max_vacuum_tasks {vacuum}, row group size {args.row_group_size or 'default'}")
        growths, peaks = [], []
        for chunk in range(args.commits):
            with opened(path, args.row_group_size) as con:
                if args.max_vacuum_tasks is not None:
                    con.execute("set max_vacuum_tasks = $n", {"n": args.max_vacuum_tasks})
                con.execute(INSERT, {"chunk": chunk, "words": words, "per_text": args.words,
                                     "rows": args.rows})
                if args.memory_limit is not None:
                    con.execute("set memory_limit = $limit", {"limit": args.memory_limit})
                before = status_mb("VmRSS")
                reset_high_water_mark()
                if args.bounded:
                    checkpoint(con)
            peak = status_mb("VmHWM")
            growth = round(peak - before)  # the close's checkpoint, above the RSS before it
            growths.append(growth)
            peaks.append(peak)
            with opened(path, args.row_group_size) as con:
                groups = con.execute("select count(distinct row_group_id) from pragma_storage_info('t')"
                                     ).fetchone()[0]
            print(f"commit {chunk + 1:3d}: close +{growth:4d} MB (from {before:5.0f} to {peak:5.0f} MB), "
                  f"row groups {groups}", flush=True)
        print(f"largest close +{max(growths)} MB; closes above 20 MB: {sum(g > 20 for g in growths)}; "
              f"process high-water mark at a close: {max(peaks):.0f} MB")


if __name__ == "__main__":
    main()
