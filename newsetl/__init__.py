"""newsetl: a scheduled ETL pipeline that turns news feeds, article pages and aggregator listings into a
DuckDB warehouse. The front door is `newsetl.cli`; flows/ does the I/O, transforms/ the pure work."""

import ctypes
import gc
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
# Polars allocates through a jemalloc of its own too, which keeps freed pages 0.5 s, then 1 s more as lazily
# freed pages the kernel still counts as the process's: each transform's frames were still held when the
# load that follows it allocated in DuckDB's (2,000 pages peaked at 606 and 609 MB with it, 626 without;
# no cost in speed told apart from the noise: bench/README.md, issue 15). Read when polars is first loaded,
# as DuckDB's is; a value the user set is kept.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")


def _glibc_function(name: str, *argtypes):
    """glibc's function `name` taking `argtypes`, or None (not Linux, or not glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    function.argtypes = list(argtypes)
    return function


def _fewer_malloc_arenas(arenas: int = 2) -> None:
    """At most `arenas` malloc arenas in this process (glibc). glibc gives each thread that meets a busy heap
    an arena of its own, up to 8 a core, and an arena gives back to the system only what is free at its
    top. With 2, a run of 20,000 pages went back to 560-600 MB after each chunk instead of rising from 607
    to 672, and peaked at 875 MB instead of 920; 2,000 pages at 640 instead of 670 (one run each at 20,000;
    bench/README.md, issue 15). Called as newsetl is imported, before the threads that make arenas;
    `MALLOC_ARENA_MAX` (which glibc reads when the process starts) is kept where the user set it."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return
    if (mallopt := _glibc_function("mallopt", ctypes.c_int, ctypes.c_int)) is not None:
        mallopt(M_ARENA_MAX, arenas)


M_ARENA_MAX = -8  # glibc's malloc.h
_fewer_malloc_arenas()
_MALLOC_TRIM = _glibc_function("malloc_trim", ctypes.c_size_t)


def give_back_free_heap() -> None:
    """Hand the free pages inside glibc's heap back to the system (malloc_trim). glibc gives back by itself
    only what is free at the top of a heap; the Python objects of a chunk's transforms (texts, spans, the
    stories' features) are freed all over it, and DuckDB's load, which allocates through its own jemalloc,
    then came on top of them: a 20,000-page run's flow process held 193 MB free in glibc's heap as a chunk
    went from its transforms to its load. Called by the merge before each chunk's load and search index
    (flows/ingest.py); a few milliseconds each. Python's cyclic garbage is collected first, so that what it
    held is free by then: at 20,000 pages every chunk of the merge peaked 30-45 MB lower with it, the run
    702 MB against 750 (one run each; bench/README.md, stop 43)."""
    gc.collect()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
