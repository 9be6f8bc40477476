"""Which ingest runs may write at once: one per warehouse, and never two of one schedule group.

Two advisory file locks beside the warehouse (`.news.duckdb.locks/`), taken with flock(2) so the kernel
drops them when their process dies, however it dies (a SIGKILLed run leaves no stale lock):

- the group's lock, tried once: a run that finds its group already running is skipped (a schedule that
  fires while the previous run of the group is still going must not start a second one);
- the warehouse's ingest lock, waited for, held only by a run's start (migrations, its run record, what
  its fetch reads), for a moment by its first feed that brings items (the stored articles its early NER
  compares them with: flows/ingest.py EarlyNer), and by its merge (reading the warehouse state,
  transforms against it, entity resolution, stories, the load, publishing): runs of different groups
  fetch, parse and recognise entities at the same time, and their merges take turns, each reading the
  state it merges against under the lock, so nothing else writes between its read and its load.

A third lock, each run's own (`alive`), is held for the whole run, so that a run starting while another is
between its start and its merge can tell it from a run that was killed (whose record is left `running`).
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RunLockTimeout(RuntimeError):
    """The warehouse's ingest lock stayed taken for longer than we would wait."""


def locks_dir(published: Path) -> Path:
    return published.with_name(f".{published.name}.locks")


def group_lock_path(published: Path, group: str | None) -> Path:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", group) if group else "all-sources"
    return locks_dir(published) / f"group-{name}.lock"


def ingest_lock_path(published: Path) -> Path:
    return locks_dir(published) / "ingest.lock"


@contextmanager
def try_lock(path: Path) -> Iterator[bool]:
    """Hold `path`'s lock if it is free: yields True while held, False (at once) if another process has it."""
    fd = _open(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def wait_lock(path: Path, wait_seconds: float) -> Iterator[float]:
    """Hold `path`'s lock, waiting up to `wait_seconds` for it; yields the seconds waited."""
    fd = _open(path)
    started = time.monotonic()
    try:
        delay = 0.05
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() - started > wait_seconds:
                    raise RunLockTimeout(f"another ingest run has held {path} for more than "
                                         f"{wait_seconds:.0f} s") from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        yield time.monotonic() - started
    finally:
        os.close(fd)


def _open(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def run_lock_path(published: Path, run_id: str) -> Path:
    return locks_dir(published) / f"run-{re.sub(r'[^A-Za-z0-9_.-]+', '_', run_id)}.lock"


@contextmanager
def alive(published: Path, run_id: str) -> Iterator[None]:
    """Hold this run's own lock for as long as it lives: a run between its start and its merge holds no
    ingest lock, and this is how a run starting meanwhile tells it from one that was killed."""
    path = run_lock_path(published, run_id)
    fd = _open(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def live_runs(published: Path, run_ids: list[str]) -> list[str]:
    """The runs of `run_ids` whose process still lives (holds its run lock)."""
    live = []
    for run_id in run_ids:
        path = run_lock_path(published, run_id)
        if not path.exists():
            continue
        with try_lock(path) as free:
            if not free:
                live.append(run_id)
    return live


# --- the locks of a warehouse, whichever its backend ------------------------------------------------------
# The embedded warehouse's locks are the files above, beside it; a lake's are PostgreSQL advisory locks in
# its catalog database (flows/pg_lock.py), held the same way by processes on any machine.

def group_lock(settings, group: str | None):
    """try_lock on the schedule group's lock (yields whether it is held)."""
    if settings.lake_catalog:
        from flows import pg_lock
        return pg_lock.try_lock(settings.lake_catalog, f"group:{group or ''}")
    return try_lock(group_lock_path(settings.warehouse_path, group))


def ingest_lock(settings, wait_seconds: float):
    """wait_lock on the warehouse's ingest lock (yields the seconds waited)."""
    if settings.lake_catalog:
        from flows import pg_lock
        return pg_lock.wait_lock(settings.lake_catalog, "ingest", wait_seconds)
    return wait_lock(ingest_lock_path(settings.warehouse_path), wait_seconds)


def run_alive(settings, run_id: str):
    """alive: this run's own lock, held while it lives."""
    if settings.lake_catalog:
        from flows import pg_lock
        return pg_lock.alive(settings.lake_catalog, run_id)
    return alive(settings.warehouse_path, run_id)


def live_runs_of(settings, run_ids: list[str]) -> list[str]:
    """live_runs of the warehouse `settings` names."""
    if settings.lake_catalog:
        from flows import pg_lock
        return pg_lock.live_runs(settings.lake_catalog, run_ids)
    return live_runs(settings.warehouse_path, run_ids)
