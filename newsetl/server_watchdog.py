"""Prefect's temporary API server dies with the process that started it, however that process ends.

`newsetl run` (like any Prefect 3 flow run without PREFECT_API_URL) starts a temporary server: Prefect's
SubprocessASGIServer runs `python -m uvicorn ... prefect.server.api.server:create_app` with
subprocess.Popen, and stops it from an atexit hook. A process killed with SIGKILL runs no atexit hook, so
every such kill used to leave an orphaned uvicorn behind.

`guard_temporary_server()` (called by the CLI before a run) makes Prefect start the server through this
module instead: `python -m newsetl.server_watchdog <parent pid> -- -m uvicorn ...`. In the server process,
a daemon thread watches its parent: once the parent process is gone (the child is re-parented, so
os.getppid() changes), it sends the server SIGTERM (uvicorn shuts down cleanly) and, if the server is still
there WATCHDOG_GRACE seconds later, ends it with os._exit. Then the same process runs uvicorn as Prefect
asked, so Prefect's own stop() (terminate, wait, kill) works as before.

Polling os.getppid() rather than PR_SET_PDEATHSIG: the parent-death signal fires when the *thread* that
forked the child exits, and Prefect may start its server from a short-lived worker thread.
"""

from __future__ import annotations

import os
import runpy
import signal
import subprocess
import sys
import threading
import time

WATCHDOG_POLL = 0.2    # seconds between two looks at the parent
WATCHDOG_GRACE = 10.0  # seconds the server has to stop after SIGTERM before it is ended


def watched_command(args: list[str], parent: int) -> list[str]:
    """`python -m uvicorn ...` as `python -m newsetl.server_watchdog <parent> -- -m uvicorn ...`."""
    return [args[0], "-m", "newsetl.server_watchdog", str(parent), "--", *args[1:]]


class _WatchedSubprocess:
    """The `subprocess` module as Prefect's server module sees it: the same, except that Popen starts the
    command under the watchdog."""

    def __getattr__(self, name: str):
        return getattr(subprocess, name)

    @staticmethod
    def Popen(args, *rest, **kwargs):  # noqa: N802 - the name Prefect calls
        return subprocess.Popen(watched_command(list(args), os.getpid()), *rest, **kwargs)


def guard_temporary_server() -> bool:
    """Make every temporary Prefect server this process starts from now on die with it. Returns False
    (and changes nothing) if this Prefect has no SubprocessASGIServer to guard."""
    try:
        from prefect.server.api import server as prefect_server
    except ImportError:
        return False
    if not hasattr(prefect_server, "SubprocessASGIServer"):
        return False
    if not isinstance(prefect_server.subprocess, _WatchedSubprocess):
        prefect_server.subprocess = _WatchedSubprocess()
    return True


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_POLL)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(WATCHDOG_GRACE)
    os._exit(1)


def main(argv: list[str]) -> None:
    """<parent pid> -- -m <module> args...: watch the parent, then run the module as `python -m` would."""
    parent, separator, *command = argv
    if separator != "--" or len(command) < 2 or command[0] != "-m":
        raise SystemExit("usage: python -m newsetl.server_watchdog PARENT_PID -- -m MODULE [ARGS...]")
    threading.Thread(target=_watch, args=(int(parent),), name="newsetl-server-watchdog", daemon=True).start()
    sys.argv = [command[1], *command[2:]]
    runpy.run_module(command[1], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])


class EarlyTemporaryServer:
    """Prefect's temporary server started in a thread while the run goes on importing its flow (polars,
    DuckDB, the transforms: seconds of work in this process while the server's own process imports and
    starts on another core). Prefect's SubprocessASGIServer is one per process and its `start()` returns
    at once once started, so the flow run later finds it up and waits for nothing. `wait()` must be called
    before the first flow run: Prefect marks the server running before it answers, and a flow run that
    asked too early would find it not listening yet. Start it after `guard_temporary_server()`."""

    def __init__(self) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="newsetl-temporary-server", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            from prefect.server.api.server import SubprocessASGIServer
            SubprocessASGIServer().start()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by wait()
            self._error = exc

    def wait(self) -> None:
        """Return once the server answers; raise what its start raised (e.g. Prefect's start timeout)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
