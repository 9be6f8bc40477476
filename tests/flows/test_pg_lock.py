"""flows/pg_lock.py, the lake's run locks, on a real PostgreSQL (tests/postgres.py) and between real
processes: a lock held by one process is refused to another, waited for until its holder lets go (or the
wait runs out), and released by the server when its holder is SIGKILLed; `alive`/`live_runs` tell a live
run from a dead one."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import threading
import time
import uuid

import pytest

from flows import pg_lock
from flows.run_lock import RunLockTimeout
from tests.conftest import ROOT
from tests.postgres import postgres_server  # noqa: F401 - the fixture

# A process holding a lock: takes it, says "held" (or "busy" when try_lock was refused), lets go when a line
# comes on its stdin, then says "released".
HOLDER = """
import sys
from flows import pg_lock
kind, conninfo, name = sys.argv[1:4]
lock = pg_lock.try_lock(conninfo, name) if kind == "try" else pg_lock.alive(conninfo, name)
with lock as held:
    print("busy" if held is False else "held", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""


class Holder:
    def __init__(self, kind: str, conninfo: str, name: str):
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, kind, conninfo, name], cwd=ROOT,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.state = self.line()

    def line(self, timeout: float = 15.0) -> str:
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        assert ready, "the holder process said nothing"
        return self.process.stdout.readline().strip()

    def release(self) -> None:
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def released(self) -> None:
        self.release()
        assert self.line() == "released"
        assert self.process.wait(10) == 0

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()


@pytest.fixture(scope="module")
def catalog(postgres_server):  # noqa: F811 - the fixture imported above
    return postgres_server.create_database(f"locks_{uuid.uuid4().hex[:8]}")


@pytest.fixture
def holders():
    started: list[Holder] = []

    def start(kind: str, conninfo: str, name: str) -> Holder:
        started.append(Holder(kind, conninfo, name))
        return started[-1]

    yield start
    for holder in started:
        holder.close()


def fresh(prefix: str = "test") -> str:
    return f"{prefix}:{uuid.uuid4().hex}"


def test_keys_are_stable_int4_pairs():
    # hashlib, not hash(): the same key in every process (the processes below run with other hash seeds)
    assert pg_lock.lock_key("ingest") == (pg_lock.NAMESPACE, 1857549034)
    assert pg_lock.NAMESPACE == 0x6E657773
    for name in ("ingest", "group:", "group:europe", "run:" + "x" * 500, "été"):
        for part in pg_lock.lock_key(name):
            assert -(2**31) <= part < 2**31
    assert pg_lock.lock_key("group:a") != pg_lock.lock_key("group:b")


def test_try_lock_is_exclusive_between_processes(catalog, holders):
    name = fresh("group")
    first = holders("try", catalog, name)
    assert first.state == "held"
    assert holders("try", catalog, name).state == "busy"          # another process is refused at once
    started = time.monotonic()
    with pg_lock.try_lock(catalog, name) as free:
        assert free is False
    assert time.monotonic() - started < 2
    with pg_lock.try_lock(catalog, fresh("group")) as free:         # another name is another lock
        assert free is True
    first.released()
    with pg_lock.try_lock(catalog, name) as free:
        assert free is True
        assert holders("try", catalog, name).state == "busy"
    assert holders("try", catalog, name).state == "held"            # let go at the block's end


def test_two_sessions_of_one_process_exclude_each_other(catalog):
    name = fresh()
    with pg_lock.try_lock(catalog, name) as outer:
        assert outer is True
        with pg_lock.try_lock(catalog, name) as inner:
            assert inner is False
    with pg_lock.try_lock(catalog, name) as again:
        assert again is True


def test_wait_lock_waits_until_the_holder_lets_go(catalog, holders):
    name = fresh("ingest")
    holder = holders("try", catalog, name)
    assert holder.state == "held"
    threading.Timer(0.5, holder.release).start()
    with pg_lock.wait_lock(catalog, name, 10) as waited:
        assert 0.4 <= waited < 5
        assert holder.line() == "released"
        assert holders("try", catalog, name).state == "busy"
    with pg_lock.try_lock(catalog, name) as free:
        assert free is True


def test_wait_lock_times_out(catalog, holders):
    name = fresh("ingest")
    holder = holders("try", catalog, name)
    assert holder.state == "held"
    started = time.monotonic()
    with pytest.raises(RunLockTimeout, match=name), pg_lock.wait_lock(catalog, name, 0.5):
        pytest.fail("the lock was taken while held")
    assert 0.45 <= time.monotonic() - started < 5
    with pytest.raises(RunLockTimeout), pg_lock.wait_lock(catalog, name, 0):   # no wait: one try
        pytest.fail("the lock was taken while held")
    with pg_lock.try_lock(catalog, name) as free:                  # the holder still has it
        assert free is False
    holder.released()
    with pg_lock.wait_lock(catalog, name, 0) as waited:
        assert waited < 2


def test_a_sigkilled_holder_releases_its_lock(catalog, holders):
    name = fresh("ingest")
    holder = holders("try", catalog, name)
    assert holder.state == "held"
    threading.Timer(0.5, holder.kill).start()
    with pg_lock.wait_lock(catalog, name, 10) as waited:
        assert 0.4 <= waited < 5
        assert holder.process.wait(5) == -signal.SIGKILL   # granted once the holder died


def test_alive_and_live_runs_tell_live_runs_from_dead_ones(catalog, holders):
    live, killed, finished, never = (f"run-{uuid.uuid4().hex}" for _ in range(4))
    assert holders("alive", catalog, live).state == "held"
    dead = holders("alive", catalog, killed)
    assert dead.state == "held"
    done = holders("alive", catalog, finished)
    assert done.state == "held"
    assert pg_lock.live_runs(catalog, [live, killed, finished, never]) == [live, killed, finished]
    dead.kill()
    done.released()
    deadline = time.monotonic() + 5   # the server notices the killed process's connection gone at once
    while (found := pg_lock.live_runs(catalog, [live, killed, finished, never])) != [live]:
        assert time.monotonic() < deadline, found
        time.sleep(0.05)
    assert pg_lock.live_runs(catalog, [live]) == [live]            # asking took nothing from it
    assert pg_lock.live_runs(catalog, []) == []
    with pg_lock.alive(catalog, never):                            # this process's own run, another session
        assert pg_lock.live_runs(catalog, [never, finished]) == [never]
    assert pg_lock.live_runs(catalog, [never]) == []
