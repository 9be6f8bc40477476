"""Polars frames handed to DuckDB's statements (a load's stage tables, the search index's rows, a failed
run's fetch log) through the Arrow PyCapsule interface: an Arrow C stream of the frame's own buffers.

Registered as a polars frame, DuckDB has polars copy it into a pyarrow table first (`to_arrow()`, every string
of the frame copied). Registered as a stream, DuckDB reads the frame's buffers. A load of 2,000 articles
into a warehouse of 20,000 (bench_load_memory.py, medians of 3, twice): peak 377-379 MB by its commit
against 398-400 MB, 393 MB against 398-400 MB with its checkpoint, in the same 0.53-0.54 s.
Reads keep DuckDB's `.pl()` (store/reads.py): read as a stream, DuckDB fills batches of a million rows, and
the merge state of a warehouse of 20,000 articles took +20 MB and twice the time (every file of sql/read/
gave the same frame both ways). A registration imports pyarrow, and once pyarrow is loaded pyarrow.dataset,
only to ask whether the object is one of theirs, and DuckDB then scans the stream through a pyarrow dataset;
`newsetl run` refuses pyarrow.dataset, and pyarrow until its first frame read (store.connection:
leave_lookup_only_modules_unloaded), and DuckDB scans the stream itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl


class ArrowStream:
    """A frame as DuckDB scans an object with `__arrow_c_stream__`: a new stream of the frame's buffers for
    every scan, so that every statement of a load can read a stage table."""

    __slots__ = ("frame",)

    def __init__(self, frame: pl.DataFrame) -> None:
        self.frame = frame

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        return self.frame.__arrow_c_stream__(requested_schema)


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> Iterator[None]:
    """`frame` visible to `con`'s statements as the view `name` for the block: every statement of a block
    with several stage frames (a load's, under an ExitStack) reads them all."""
    con.register(name, ArrowStream(frame))
    try:
        yield
    finally:
        con.unregister(name)
