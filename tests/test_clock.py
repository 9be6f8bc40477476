"""The one clock (newsetl/clock.py): set by NEWSETL_NOW or `pinned`, read by everything that asks the time."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime

import pytest

from newsetl import clock


def test_pinned_clock_starts_at_the_instant_and_runs_on():
    with clock.pinned("2026-11-28T12:00:00Z"):
        first = clock.now()
        time.sleep(0.02)
        second = clock.now()
    assert datetime(2026, 11, 28, 12) <= first < second < datetime(2026, 11, 28, 12, 0, 5)


def test_a_frozen_clock_does_not_move_and_the_clock_comes_back_after_the_block():
    before = clock.now()
    with clock.pinned(datetime(2030, 1, 2, 3, 4, 5), frozen=True):
        assert clock.now() == clock.now() == datetime(2030, 1, 2, 3, 4, 5)
    assert clock.now() >= before and clock.now().year < 2030


def test_offsets_are_turned_into_utc():
    assert clock.parse_instant("2026-11-28T13:30:00+01:00") == datetime(2026, 11, 28, 12, 30)
    assert clock.parse_instant("2026-11-28") == datetime(2026, 11, 28)


def test_an_unreadable_instant_names_the_variable():
    with pytest.raises(clock.ClockError, match="NEWSETL_NOW='next tuesday'"):
        clock.parse_instant("next tuesday")


@pytest.mark.parametrize("setting", ["2027-06-01T08:00:00Z", "2026-11-24T00:00:00+00:00"])
def test_newsetl_now_sets_the_clock_of_a_new_process(setting):
    code = "from newsetl import clock; print(clock.now().isoformat())"
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"NEWSETL_NOW": setting, "PATH": "/usr/bin:/bin"}).stdout.strip()
    started = clock.parse_instant(setting)
    assert 0 <= (datetime.fromisoformat(printed) - started).total_seconds() < 5


def test_a_child_process_runs_on_from_its_parent_clock_rather_than_starting_over():
    code = "from newsetl import clock; print(clock.now().isoformat())"
    env = {"NEWSETL_NOW": "2026-11-28T12:00:00Z", "PATH": "/usr/bin:/bin",
           "NEWSETL_CLOCK_ANCHOR": f"2026-11-28T12:00:00Z|{time.time() - 3600!r}"}  # read an hour ago
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env).stdout.strip()
    assert 3600 <= (datetime.fromisoformat(printed) - datetime(2026, 11, 28, 12)).total_seconds() < 3605
    env["NEWSETL_NOW"] = "2026-11-29T00:00:00Z"  # an anchor for another setting is not used
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env).stdout.strip()
    assert (datetime.fromisoformat(printed) - datetime(2026, 11, 29)).total_seconds() < 5
