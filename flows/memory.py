"""Giving the memory a run's merge let go of back to the system, between its chunks.

glibc's malloc keeps the memory a process frees in its heaps, for the process to use again; a long run frees
a chunk's rows, frames and DuckDB's buffers at the end of each chunk of its merge, and what glibc kept of
them stayed counted in the process's resident memory through the chunks that followed (issue 15).
`malloc_trim(0)` hands the free pages of every heap back. Elsewhere than on glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        trim = libc.malloc_trim
    except (OSError, AttributeError, TypeError):  # no C library found by name, or not glibc
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return libc


def release_freed_memory() -> bool:
    """Collect Python's garbage, then return the free pages of glibc's heaps to the system. True if glibc
    returned any; False if there was none to return or the C library is not glibc."""
    gc.collect()
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
