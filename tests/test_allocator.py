"""A newsetl process gives back what it frees (newsetl/__init__.py; issue 15): DuckDB's and polars' allocators
(jemalloc each) at once, glibc's malloc with at most 2 arenas and its free pages inside the heap when the
merge asks. Checked in fresh interpreters, as each allocator reads its settings when first loaded: jemalloc
prints the settings it runs with at exit when asked (`stats_print`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# newsetl first, then DuckDB, as every newsetl entry point imports them; stats_print added to what newsetl
# left in the environment
PROBE = ("import os, newsetl\n"
         "os.environ['DUCKDB_JE_MALLOC_CONF'] += ',stats_print:true'\n"
         "import duckdb\n"
         "duckdb.sql('select sum(range) from range(100000)').fetchall()\n")


def decay_settings(env: dict[str, str]) -> dict[str, int]:
    """The dirty and muzzy decay (ms) DuckDB's jemalloc ran with in a process that imported newsetl first."""
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    found = dict(re.findall(r"opt\.(dirty|muzzy)_decay_ms: (-?\d+)", done.stderr))
    assert set(found) == {"dirty", "muzzy"}, done.stderr[-2000:]
    return {kind: int(ms) for kind, ms in found.items()}


def probe_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DUCKDB_JE_MALLOC_CONF"}
    return env | {"PYTHONPATH": str(ROOT)} | extra


def test_duckdb_gives_freed_pages_back_at_once_in_a_newsetl_process():
    # DuckDB's own default is 1,000 ms each
    assert decay_settings(probe_env()) == {"dirty": 0, "muzzy": 0}


def test_an_allocator_setting_the_user_made_is_kept():
    chosen = probe_env(DUCKDB_JE_MALLOC_CONF="dirty_decay_ms:250")
    assert decay_settings(chosen) == {"dirty": 250, "muzzy": 1000}


# threads that allocate at once, then the number of glibc malloc arenas (heaps) the process has
ARENA_PROBE = """
import ctypes, sys, tempfile, threading
if sys.argv[1] == "newsetl":
    import newsetl  # noqa: F401
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
start = threading.Barrier(16)
def allocate():
    start.wait()
    for _ in range(50):
        kept = [bytearray(4096 + i) for i in range(1000)]
        del kept
threads = [threading.Thread(target=allocate) for _ in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with tempfile.NamedTemporaryFile(suffix=".xml") as out:
    stream = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(open(out.name).read().count("<heap nr="))
"""


def malloc_arenas(env: dict[str, str], importing: str) -> int:
    done = subprocess.run([sys.executable, "-c", ARENA_PROBE, importing], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return int(done.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_newsetl_process_keeps_to_two_malloc_arenas_and_the_users_setting_is_kept():
    env = {k: v for k, v in probe_env().items() if k != "MALLOC_ARENA_MAX"}
    assert malloc_arenas(env, "plain") > 2  # the probe's threads do make arenas of their own
    assert malloc_arenas(env, "newsetl") <= 2
    assert malloc_arenas(env | {"MALLOC_ARENA_MAX": "1"}, "newsetl") == 1


# a heap left full of holes: 300,000 blocks of ~1 KB from glibc's malloc, one in 64 kept, and one more made
# last so that the free space is not at the heap's top (which glibc gives back by itself)
TRIM_PROBE = """
import sys
import newsetl
def rss_mb():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 // 2**20
blocks = [bytes(1000 + (i % 7)) for i in range(300_000)]
kept = blocks[::64]
del blocks
last = bytes(1000)
before = rss_mb()
if sys.argv[1] == "give back":
    newsetl.give_back_free_heap()
print(before, rss_mb())
"""


def rss_before_and_after(step: str) -> tuple[int, int]:
    done = subprocess.run([sys.executable, "-c", TRIM_PROBE, step], cwd=ROOT, env=probe_env(),
                          capture_output=True, text=True, timeout=120, check=True)
    before, after = map(int, done.stdout.split())
    return before, after


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_the_free_pages_inside_the_heap_are_given_back_when_asked():
    before, after = rss_before_and_after("keep")
    assert before > 250 and after > before * 0.9  # glibc keeps the holes: nothing at the heap's top is free
    before, after = rss_before_and_after("give back")
    assert before > 250 and after < before / 2  # 313 -> 38 MB when written


POLARS_PROBE = ("import os, newsetl\n"
                "os.environ['_RJEM_MALLOC_CONF'] += ',stats_print:true'\n"
                "import polars\n"
                "polars.DataFrame({'a': range(100000)}).sum()\n")


def polars_decay_settings(env: dict[str, str]) -> dict[str, int]:
    """The dirty and muzzy decay (ms) polars' jemalloc ran with in a process that imported newsetl first."""
    done = subprocess.run([sys.executable, "-c", POLARS_PROBE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    found = dict(re.findall(r"opt\.(dirty|muzzy)_decay_ms: (-?\d+)", done.stderr))
    assert set(found) == {"dirty", "muzzy"}, done.stderr[-2000:]
    return {kind: int(ms) for kind, ms in found.items()}


def test_polars_gives_freed_pages_back_at_once_in_a_newsetl_process_unless_the_user_chose():
    env = {k: v for k, v in probe_env().items() if k != "_RJEM_MALLOC_CONF"}
    # polars' own defaults are 500 and 1,000 ms
    assert polars_decay_settings(env) == {"dirty": 0, "muzzy": 0}
    assert polars_decay_settings(env | {"_RJEM_MALLOC_CONF": "dirty_decay_ms:250"}) == {"dirty": 250,
                                                                                       "muzzy": 1000}
