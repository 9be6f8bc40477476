"""DuckDB's allocator gives freed pages back at once in a newsetl process (newsetl/__init__.py; issue 15).
Checked in a fresh interpreter, as jemalloc reads its settings when DuckDB is first loaded: it prints the
settings it runs with at exit when asked (`stats_print`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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
