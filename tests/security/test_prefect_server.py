"""Prefect's temporary API server dies with the process that started it (issue 19, item 9): before, every
`kill -9` of `newsetl run` after the server started left an orphaned uvicorn behind.

The processes here are real: a Python process that starts Prefect's SubprocessASGIServer exactly as a flow
run does (with and without newsetl.server_watchdog's guard), and the real `newsetl run` CLI, each killed
with SIGKILL; the test then watches the server process (found under /proc by its parent's pid) until it is
gone. Every process the test starts is ended by pid at the end, whatever happens. Loopback only.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from newsetl.server_watchdog import watched_command
from tests.conftest import ROOT, prefect_home

START_TIMEOUT = 180.0   # a loaded 2-core machine can take a minute to start Prefect's server
GONE_TIMEOUT = 20.0     # the watchdog polls every 0.2 s; uvicorn then has 10 s to stop before os._exit

STARTER = """
import sys, time
if sys.argv[1] == "guarded":
    from newsetl.server_watchdog import guard_temporary_server
    assert guard_temporary_server()
from prefect.server.api.server import SubprocessASGIServer
server = SubprocessASGIServer()
server.start(timeout=int(sys.argv[2]))
print("up", server.port, flush=True)
time.sleep(600)
"""


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_for(predicate, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def env_without_api(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(prefect_home(tmp_path / ".prefect"))
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = str(int(START_TIMEOUT))
    return env


@pytest.fixture
def reaper():
    """Pids to end at the end of the test (SIGKILL by pid), whatever happened."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def start_server_process(tmp_path: Path, mode: str, reaper: list[int]) -> tuple[subprocess.Popen, int, int]:
    """A process that starts Prefect's temporary server: (it, the server's pid, the server's port)."""
    starter = subprocess.Popen([sys.executable, "-c", STARTER, mode, str(int(START_TIMEOUT))], cwd=ROOT,
                               env=env_without_api(tmp_path), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    reaper.append(starter.pid)
    line = starter.stdout.readline()
    assert line.startswith("up "), f"the server did not start: {line!r}"
    port = int(line.split()[1])
    servers = [p for p in children(starter.pid) if "uvicorn" in cmdline(p)]
    assert len(servers) == 1, [cmdline(p) for p in children(starter.pid)]
    reaper.extend(servers)
    assert httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=10).status_code == 200
    return starter, servers[0], port


def test_without_the_guard_a_killed_starter_leaves_its_server_running(tmp_path, reaper):
    """The control: Prefect alone orphans its server on SIGKILL (the test ends it by pid)."""
    starter, server, _ = start_server_process(tmp_path, "plain", reaper)
    assert "newsetl.server_watchdog" not in cmdline(server)
    os.kill(starter.pid, signal.SIGKILL)
    starter.wait(timeout=10)
    time.sleep(3.0)
    assert alive(server), "Prefect's server died by itself: the guard would not be needed"


def test_with_the_guard_the_server_dies_with_a_killed_starter(tmp_path, reaper):
    starter, server, port = start_server_process(tmp_path, "guarded", reaper)
    assert "-m newsetl.server_watchdog" in cmdline(server) and "uvicorn" in cmdline(server)
    os.kill(starter.pid, signal.SIGKILL)
    starter.wait(timeout=10)
    assert wait_for(lambda: not alive(server), GONE_TIMEOUT), "the server outlived its starter"
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)


def test_a_killed_newsetl_run_leaves_no_prefect_server(tmp_path, site_server, reaper):
    """The real CLI, killed with SIGKILL while its flow run waits on a slow feed."""
    released = threading.Event()

    def slow(handler):
        released.wait(60)
        return 200, {"Content-Type": "application/rss+xml"}, b"<rss version='2.0'><channel></channel></rss>"

    site_server.routes["/prefect-server/slow.xml"] = slow
    sources = tmp_path / "sources.toml"
    url = site_server.url("/prefect-server/slow.xml")
    sources.write_text(f'[[sources]]\nname = "slow"\nkind = "rss"\nurl = "{url}"\noutlet = "Slow Times"\n',
                       encoding="utf-8")
    cli = subprocess.Popen([sys.executable, "-m", "newsetl.cli", "run", "--sources", str(sources),
                            "--warehouse", str(tmp_path / "news.duckdb")], cwd=ROOT,
                           env=env_without_api(tmp_path), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    reaper.append(cli.pid)
    try:
        requested = wait_for(lambda: "/prefect-server/slow.xml" in site_server.requests, START_TIMEOUT, 0.2)
        assert requested, "the run never reached its fetch"
        servers = [p for p in children(cli.pid) if "uvicorn" in cmdline(p)]
        assert len(servers) == 1 and "newsetl.server_watchdog" in cmdline(servers[0])
        reaper.extend(servers)
        os.kill(cli.pid, signal.SIGKILL)
        cli.wait(timeout=10)
        assert wait_for(lambda: not alive(servers[0]), GONE_TIMEOUT), "an orphaned Prefect server is left"
    finally:
        released.set()


def test_a_finished_run_stops_its_server_as_before():
    """The guard only prefixes the command: Prefect still starts `-m uvicorn` with its own arguments."""
    command = watched_command([sys.executable, "-m", "uvicorn", "--port", "8123"], 4242)
    assert command == [sys.executable, "-m", "newsetl.server_watchdog", "4242", "--", "-m", "uvicorn",
                       "--port", "8123"]
