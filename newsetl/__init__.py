"""newsetl: a scheduled ETL pipeline that turns news feeds, article pages and aggregator listings into a
DuckDB warehouse. The front door is `newsetl.cli`; flows/ does the I/O, transforms/ the pure work."""

import ctypes
import os
import sys

__version__ = "0.1.0"

# DuckDB allocates through a jemalloc of its own, which keeps the pages a query frees until it has run for
# another second and has no thread to give them back while DuckDB is idle: a run's process held each chunk's
# load beside the next one's. Given back at once, a run of 20,000 pages peaked at 920 MB instead of 1,013
# (one run each; bench/README.md, issue 15). jemalloc reads this when DuckDB is first loaded, so it is set
# here, before anything of newsetl imports DuckDB (a process that imported DuckDB first keeps DuckDB's
# defaults); a value the user set is kept.
os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")


def _fewer_malloc_arenas(arenas: int = 2) -> None:
    """At most `arenas` malloc arenas in this process (glibc). glibc gives each thread that meets a busy heap
    an arena of its own, up to 8 a core, and an arena gives back to the system only what is free at its
    top. With 2, a run of 20,000 pages went back to 560-600 MB after each chunk instead of rising from 607
    to 672, and peaked at 875 MB instead of 920; 2,000 pages at 640 instead of 670 (one run each at 20,000;
    bench/README.md, issue 15). Called as newsetl is imported, before the threads that make arenas;
    `MALLOC_ARENA_MAX` (which glibc reads when the process starts) is kept where the user set it."""
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt(M_ARENA_MAX, arenas)


M_ARENA_MAX = -8  # glibc's malloc.h
_fewer_malloc_arenas()
