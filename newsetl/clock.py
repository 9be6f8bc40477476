"""The one clock. Everything in newsetl that asks "what time is it" asks here: fetch times, run times,
curation decisions, the time a table was sorted. A run, a test or a replay sets it; nothing else reads the
machine's wall clock. Transforms never read it either: they are given the fetch time (DESIGN rule 1).

By default it is the machine's clock in UTC. `NEWSETL_NOW` (an ISO 8601 instant such as
`2026-11-28T12:00:00Z`; no offset means UTC) starts it at that instant the first time a process reads it,
and `pinned(instant)` does the same for a block of code. A set clock runs on from there at the machine's
speed, so events keep their order and durations, but the calendar is the one that was set: rows and
relative dates ("33 minutes ago") do not depend on the day the code runs. The first process to read
NEWSETL_NOW leaves the moment it did so in NEWSETL_CLOCK_ANCHOR, so the processes it starts (Prefect's
flow-run subprocesses under `newsetl serve`, say) read one clock that runs on, not one that starts over.

Times are naive UTC `datetime`s, as stored in the warehouse.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

ENV_VAR = "NEWSETL_NOW"
ANCHOR_VAR = "NEWSETL_CLOCK_ANCHOR"   # "<NEWSETL_NOW as given>|<machine's Unix time when it was first read>"

_lock = threading.Lock()
_anchor: tuple[datetime, float | None] | None = None  # (instant set, monotonic reading then; None: frozen)
_env_checked = False


class ClockError(ValueError):
    """NEWSETL_NOW (or an instant given to `pinned`) is not a readable instant."""


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant as naive UTC: `2026-11-28T12:00:00Z`, `2026-11-28T13:00+01:00`, `2026-11-28`
    (midnight UTC). No offset means UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError as exc:
        raise ClockError(f"{ENV_VAR}={text!r} is not an ISO 8601 instant "
                         "(e.g. 2026-11-28T12:00:00Z)") from exc
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _set(instant: datetime | None, frozen: bool = False) -> None:
    global _anchor
    _anchor = None if instant is None else (instant, None if frozen else time.monotonic())


def _anchor_from_env(text: str) -> tuple[datetime, float]:
    """NEWSETL_NOW as an anchor: where a parent process first read the same setting (NEWSETL_CLOCK_ANCHOR),
    the clock runs on from that moment; else from now, and the moment is left for child processes."""
    instant = parse_instant(text)
    given, _, since = os.environ.get(ANCHOR_VAR, "").rpartition("|")
    try:
        started = float(since) if given == text else None
    except ValueError:
        started = None
    if started is None:
        started = time.time()
        os.environ[ANCHOR_VAR] = f"{text}|{started!r}"
    # the anchor as (instant, monotonic reading then), so the clock runs on at the monotonic clock's pace
    return instant, time.monotonic() - (time.time() - started)


def _anchor_now() -> tuple[datetime, float | None] | None:
    """The set clock, reading NEWSETL_NOW the first time it is asked."""
    global _env_checked, _anchor
    with _lock:
        if not _env_checked:
            _env_checked = True
            if _anchor is None and (text := os.environ.get(ENV_VAR, "").strip()):
                _anchor = _anchor_from_env(text)
        return _anchor


def now() -> datetime:
    """What time it is, as naive UTC: the set clock running on from where it was set, or the machine's."""
    anchor = _anchor_now()
    if anchor is None:
        return datetime.now(UTC).replace(tzinfo=None)
    instant, monotonic_then = anchor
    if monotonic_then is None:
        return instant
    return instant + timedelta(seconds=time.monotonic() - monotonic_then)


def check_env() -> None:
    """Raise ClockError now if NEWSETL_NOW is set but unreadable (the CLI calls this before a run)."""
    if text := os.environ.get(ENV_VAR, "").strip():
        parse_instant(text)


@contextmanager
def pinned(instant: datetime | str, frozen: bool = False) -> Iterator[None]:
    """Within the block the clock starts at `instant` (naive UTC, aware, or ISO text) and runs on from
    there (`frozen`: stays there, for tests that compare two runs' rows, fetch times included);
    afterwards it is what it was before."""
    global _anchor
    value = parse_instant(instant) if isinstance(instant, str) else (
        instant.astimezone(UTC).replace(tzinfo=None) if instant.tzinfo else instant)
    _anchor_now()  # NEWSETL_NOW read first, so the block's end restores it rather than losing it
    with _lock:
        before = _anchor
        _set(value, frozen)
    try:
        yield
    finally:
        with _lock:
            _anchor = before
