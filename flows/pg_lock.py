"""The lake's run locks: flows/run_lock.py's, as PostgreSQL advisory locks in the lake's catalog database.

Why not the lock files: flock(2) works between the processes of one machine only, and a lake's runs may run
on several machines that share nothing but the catalog database and the data store. Every process that
writes a lake already reaches that database, and PostgreSQL's session-level advisory locks have flock's
properties: a lock belongs to a database session (a connection), not to a row or a transaction; any other
session asking for it is refused (or waits) while it is held; and the server drops it when the session
ends, however it ends. A run that is SIGKILLed, or whose machine dies, leaves no stale lock: its connection
closes (or, for a machine gone silent, times out) and the server releases what it held.

So each lock here is a connection of its own, in autocommit (no transaction is left open for the lock's
life), opened when the lock is taken and closed when it is let go; the semantics are run_lock's:

- `try_lock`: take it if it is free, yield True while held, or False at once if another session has it;
- `wait_lock`: wait for it up to `wait_seconds` (PostgreSQL's own queue, bounded by lock_timeout: the
  lock is taken the moment its holder lets go), yield the seconds waited, or raise run_lock.RunLockTimeout;
- `alive`: a run's own lock, held for the whole run, and `live_runs`, which of some runs still hold theirs.

Two connections of one process are two sessions: like two flock()s on two open()s of a file, they exclude
each other. Advisory locks are per database, so the locks of lakes with different catalog databases never
meet. The key is the two-int form, (NAMESPACE, a stable 32-bit hash of the lock's name): the namespace
keeps newsetl's keys apart from any other advisory-lock user of the database, and the hash is hashlib's,
the same in every process and on every machine (Python's hash() of a str is salted per process).

Caveats: a lock lasts as long as its connection, so the catalog connection must be a direct session, not a
transaction-pooling proxy (PgBouncer in transaction mode would hand the lock's session to others); and a
holder whose connection is cut (a network failure, the server restarted) has lost its lock without
knowing it until its next statement.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors

from flows.run_lock import RunLockTimeout

# The first int of every newsetl key: b"news" read as a big-endian int4.
NAMESPACE = int.from_bytes(b"news", "big", signed=True)
_MAX_LOCK_TIMEOUT_MS = 2**31 - 1   # lock_timeout's largest value (about 24.8 days)


def lock_key(name: str) -> tuple[int, int]:
    """The (int4, int4) advisory-lock key of lock `name`: NAMESPACE and the first 4 bytes of its SHA-256."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return NAMESPACE, int.from_bytes(digest[:4], "big", signed=True)


def run_lock_name(run_id: str) -> str:
    return f"run:{run_id}"


@contextmanager
def _session(conninfo: str) -> Iterator[psycopg.Connection]:
    """A connection of its own for one lock, in autocommit; closing it lets go of the lock."""
    con = psycopg.connect(conninfo, autocommit=True)
    try:
        # a role's statement_timeout would cut a wait short with a confusing error; the waits here are
        # bounded by lock_timeout (wait_lock) or by design (alive, whose key no other run asks for)
        con.execute("SELECT set_config('statement_timeout', '0', false)")
        yield con
    finally:
        # let go before closing: the server releases the locks of a closed connection only once its
        # backend has noticed, an instant later; unlocking here frees them before we return
        with contextlib.suppress(psycopg.Error):
            if not con.closed:
                con.execute("SELECT pg_advisory_unlock_all()")
        con.close()


def _try(con: psycopg.Connection, name: str) -> bool:
    row = con.execute("SELECT pg_try_advisory_lock(%s::int4, %s::int4)", lock_key(name)).fetchone()
    return bool(row and row[0])


@contextmanager
def try_lock(conninfo: str, name: str) -> Iterator[bool]:
    """Hold lock `name` if it is free: yields True while held, False (at once) if another session has it."""
    with _session(conninfo) as con:
        yield _try(con, name)


@contextmanager
def wait_lock(conninfo: str, name: str, wait_seconds: float) -> Iterator[float]:
    """Hold lock `name`, waiting up to `wait_seconds` for it; yields the seconds waited. Raises RunLockTimeout
    when another session has held it for longer than that."""
    with _session(conninfo) as con:
        started = time.monotonic()
        if wait_seconds <= 0:
            got = _try(con, name)
        else:
            # lock_timeout 0 would mean no limit: at least 1 ms; an unbounded wait is no limit
            ms = 0 if math.isinf(wait_seconds) else min(max(1, math.ceil(wait_seconds * 1000)),
                                                         _MAX_LOCK_TIMEOUT_MS)
            con.execute("SELECT set_config('lock_timeout', %s, false)", (f"{ms}ms",))
            try:
                con.execute("SELECT pg_advisory_lock(%s::int4, %s::int4)", lock_key(name))
                got = True
            except errors.LockNotAvailable:
                got = False
        if not got:
            raise RunLockTimeout(f"another ingest run has held the lake's lock {name!r} for more than "
                                 f"{wait_seconds:.0f} s")
        yield time.monotonic() - started


@contextmanager
def alive(conninfo: str, run_id: str) -> Iterator[None]:
    """Hold this run's own lock for as long as it lives: a run between its start and its merge holds no
    ingest lock, and this is how a run starting meanwhile tells it from one that was killed."""
    with _session(conninfo) as con:
        con.execute("SELECT pg_advisory_lock(%s::int4, %s::int4)", lock_key(run_lock_name(run_id)))
        yield


def live_runs(conninfo: str, run_ids: list[str]) -> list[str]:
    """The runs of `run_ids` whose process still lives (holds its run lock, from any machine)."""
    if not run_ids:
        return []
    live = []
    with _session(conninfo) as con:
        for run_id in run_ids:
            if _try(con, run_lock_name(run_id)):
                # free: its run is gone. Let go at once (a run of that id would otherwise wait for us).
                con.execute("SELECT pg_advisory_unlock(%s::int4, %s::int4)", lock_key(run_lock_name(run_id)))
            else:
                live.append(run_id)
    return live
