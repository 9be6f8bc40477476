"""A real, throw-away PostgreSQL for the tests of the lake backend: Debian's server binaries, a cluster in a
temp dir, listening on 127.0.0.1 only (and a unix socket inside the temp dir), trust authentication for the
`postgres` role. Nothing reaches beyond the loopback interface.

    from tests.postgres import postgres_server  # noqa: F401 - the session fixture

    def test_x(postgres_server):
        postgres_server.create_database("lake_x")
        conninfo = postgres_server.conninfo("lake_x")   # host=127.0.0.1 port=N dbname=lake_x user=postgres

initdb refuses to run as root: as root (CI, `make test`) the cluster belongs to the `postgres` OS user and its
processes run as that user; as anyone else they run as yourself. Under pytest-xdist each worker starts its
own server (the fixture is session-scoped, and each worker is a session).

A watchdog process (`sh`, reading a pipe from this process) stops the server and removes its temp dir if this
process dies without stopping it (SIGKILLed, say): no server is left behind by an aborted test run.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

STARTUP_TIMEOUT = 30.0   # seconds for the server to accept connections
STOP_TIMEOUT = 15.0      # seconds for a shutdown before SIGKILL
SUPERUSER = "postgres"
MISSING = ("PostgreSQL's server binaries are missing (no /usr/lib/postgresql/*/bin/initdb): `make test` "
           "installs Debian's `postgresql` package (as root); elsewhere `apt-get install postgresql`")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine, or the server would not start."""


def server_bin_dir() -> Path:
    """The newest of Debian's PostgreSQL versions installed (/usr/lib/postgresql/<version>/bin)."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    found = [d for d in found if (d / "postgres").exists()]
    if not found:
        raise PostgresUnavailable(MISSING)

    def version(bin_dir: Path) -> tuple[int, ...]:
        name = bin_dir.parent.name
        return tuple(int(part) for part in name.split(".") if part.isdigit()) or (0,)

    return max(found, key=version)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 just now (bound to port 0, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    """A running throw-away server; `stop()` ends it and removes its directory."""

    port: int
    pid: int
    root: Path                       # the temp dir: data/, sock/, postgres.log
    process: subprocess.Popen = field(repr=False)
    watchdog: subprocess.Popen | None = field(default=None, repr=False)
    host: str = "127.0.0.1"
    user: str = SUPERUSER

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def log_path(self) -> Path:
        return self.root / "postgres.log"

    def conninfo(self, dbname: str = "postgres") -> str:
        """The libpq connection string of database `dbname`, over TCP on 127.0.0.1."""
        return f"host={self.host} port={self.port} dbname={dbname} user={self.user}"

    def create_database(self, name: str) -> str:
        """Create database `name` (empty, UTF-8); returns its connection string."""
        with psycopg.connect(self.conninfo("postgres"), autocommit=True, connect_timeout=10) as con:
            con.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'")
                        .format(sql.Identifier(name)))
        return self.conninfo(name)

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """Stop the server by its pid (SIGINT, PostgreSQL's fast shutdown: it disconnects the sessions still
        open; SIGTERM's smart shutdown would wait for them), SIGKILL if it has not exited within
        STOP_TIMEOUT; then remove its temp dir. Idempotent."""
        if self.watchdog is not None:   # stopped here: the watchdog must not act on a reused pid later
            if self.watchdog.poll() is None:
                self.watchdog.kill()
            self.watchdog.wait()
            if self.watchdog.stdin is not None:
                self.watchdog.stdin.close()
            self.watchdog = None
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGINT)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)   # its backends exit when they see the postmaster gone
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def start_postgres(base_dir: Path | None = None) -> PostgresServer:
    """Start a throw-away server in a new temp dir under `base_dir` (default: the system's temp dir), which
    the `postgres` OS user must be able to reach when we are root (pytest's tmp_path is not: its parent is
    private to root). Raises PostgresUnavailable when the binaries are missing or the server fails."""
    bin_dir = server_bin_dir()
    as_root = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="newsetl-pg-", dir=base_dir))
    try:
        owner = _owner(as_root)
        (root / "data").mkdir()
        (root / "sock").mkdir()
        if owner is not None:
            for path in (root, root / "data", root / "sock"):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        root.chmod(0o700)
        _run(owner, root, [str(bin_dir / "initdb"), "-D", str(root / "data"), "-A", "trust", "-U", SUPERUSER,
                           "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"])
        last_error = None
        for _ in range(3):   # another process may take the free port before the server binds it
            try:
                return _start(bin_dir, owner, root, free_port())
            except PostgresUnavailable as exc:
                last_error = exc
                if "could not bind" not in str(exc) and "already in use" not in str(exc):
                    break
        raise last_error
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def _owner(as_root: bool) -> pwd.struct_passwd | None:
    if not as_root:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresUnavailable("running as root, and there is no `postgres` OS user to run PostgreSQL as "
                                  "(initdb refuses root): " + MISSING) from None


def _as(owner: pwd.struct_passwd | None) -> dict:
    """Popen's arguments running a command as `owner` (None: as ourselves), with a minimal environment."""
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C"}
    if owner is None:
        return {"env": {**env, "HOME": os.environ.get("HOME", "/")}}
    return {"env": {**env, "HOME": owner.pw_dir, "USER": owner.pw_name, "LOGNAME": owner.pw_name},
            "user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}


def _run(owner, root: Path, args: list[str]) -> None:
    done = subprocess.run(args, cwd=root, capture_output=True, text=True, timeout=120, **_as(owner))
    if done.returncode != 0:
        raise PostgresUnavailable(f"{Path(args[0]).name} failed ({done.returncode}): "
                                  f"{(done.stderr or done.stdout).strip()[-2000:]}")


def _start(bin_dir: Path, owner, root: Path, port: int) -> PostgresServer:
    log = open(root / "postgres.log", "ab")  # noqa: SIM115 - the server's, closed below once it has it
    try:
        if owner is not None:
            os.chown(root / "postgres.log", owner.pw_uid, owner.pw_gid)
        process = subprocess.Popen(
            [str(bin_dir / "postgres"), "-D", str(root / "data"), "-h", "127.0.0.1", "-p", str(port),
             "-k", str(root / "sock"),
             # a test server: no durability, little memory (each xdist worker runs one)
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             "-c", "shared_buffers=32MB", "-c", "max_connections=200", "-c", "logging_collector=off"],
            cwd=root, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,   # Ctrl-C in the terminal reaches pytest, which stops the server
            **_as(owner))
    finally:
        log.close()
    server = PostgresServer(port=port, pid=process.pid, root=root, process=process)
    server.watchdog = _watchdog(process.pid, root)
    try:
        _wait_ready(server)
    except BaseException:
        if server.running():
            server.stop()
        else:
            _forget(server)
        raise
    atexit.register(server.stop)   # a session that ends without the fixture's teardown
    return server


def _forget(server: PostgresServer) -> None:
    """The server exited by itself (failed to start): end its watchdog, keep the temp dir for the caller."""
    if server.watchdog is not None:
        server.watchdog.kill()
        server.watchdog.wait()
        server.watchdog = None


def _watchdog(pid: int, root: Path) -> subprocess.Popen:
    """A process that waits for end-of-file on a pipe only we hold for writing, i.e. for our death, then
    stops the server (fast shutdown, SIGKILL after STOP_TIMEOUT) and removes its temp dir."""
    script = ('cat >/dev/null; kill -INT "$1" 2>/dev/null; n=0; '
              'while kill -0 "$1" 2>/dev/null && [ $n -lt $3 ]; do sleep 0.2; n=$((n+1)); done; '
              'kill -KILL "$1" 2>/dev/null; rm -rf "$2"')
    return subprocess.Popen(["/bin/sh", "-c", script, "sh", str(pid), str(root), str(int(STOP_TIMEOUT * 5))],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _wait_ready(server: PostgresServer) -> None:
    """Until the server answers on its port, and it is ours: another server on the port (taken since
    free_port() found it free) may answer while ours starts, then ours fails to bind it and exits."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    problem = "no answer"
    while True:
        if not server.running():
            raise PostgresUnavailable(f"postgres exited ({server.process.returncode}) on port {server.port}: "
                                      f"{_log_tail(server)}")
        if time.monotonic() > deadline:
            raise PostgresUnavailable(f"postgres did not accept connections on 127.0.0.1:{server.port} "
                                      f"within {STARTUP_TIMEOUT:.0f} s ({problem}): {_log_tail(server)}")
        try:
            with psycopg.connect(server.conninfo("postgres"), connect_timeout=2) as con:
                data_dir = con.execute("SELECT current_setting('data_directory')").fetchone()[0]
            if Path(data_dir).resolve() == server.data_dir.resolve():
                return
            problem = f"another server answers there, its data in {data_dir}"
        except psycopg.OperationalError as exc:
            problem = str(exc).strip()
        time.sleep(0.1)


def _log_tail(server: PostgresServer) -> str:
    try:
        return server.log_path.read_text(errors="replace").strip()[-2000:]
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the whole session (per xdist worker), stopped and removed at its end."""
    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()
