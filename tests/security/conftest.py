"""Fixtures of the security probes: a canary file that must never be read into the warehouse, a second
loopback server that no request may reach (it records every request, and answers with the canary), and a
guard that refuses and records any connection beyond the loopback interface, so a probe that fails can
never reach a real network or a cloud metadata service."""

from __future__ import annotations

import errno
import gzip
import ipaddress
import socket
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest


@dataclass
class Canary:
    path: Path
    secret: str          # the token that must appear in no stored row and no raw body

    @property
    def uri(self) -> str:
        return self.path.as_uri()


@pytest.fixture(scope="session")
def canary(tmp_path_factory) -> Canary:
    secret = f"canary-{uuid.uuid4().hex}"
    path = tmp_path_factory.mktemp("secrets") / "app.env"
    path.write_text(f"DB_PASSWORD={secret}\n", encoding="utf-8")
    return Canary(path, secret)


@dataclass
class ForbiddenServer:
    """A loopback server standing for a private service: every request it receives is a failure."""

    port: int
    requests: list[str] = field(default_factory=list)

    def url(self, path: str = "/secret", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture(scope="session")
def forbidden_server(canary):
    server_state = ForbiddenServer(port=0)
    body = f"<html><body><article><p>DB_PASSWORD={canary.secret}</p></article></body></html>".encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            server_state.requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server_state
    server.shutdown()
    server.server_close()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="module", autouse=True)
def loopback_only():
    """Every TCP connection made during these tests must be to a loopback address: any other is refused
    (ENETUNREACH) and recorded, and the test that made it fails (see no_connection_beyond_loopback)."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    attempts: list[tuple] = []

    def check(sock: socket.socket, address) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(str(address[0])):
            attempts.append(tuple(address[:2]))
            raise OSError(errno.ENETUNREACH, f"security tests stay on loopback: {address[0]} refused")

    def connect(sock, address):
        check(sock, address)
        return real_connect(sock, address)

    def connect_ex(sock, address):
        check(sock, address)
        return real_connect_ex(sock, address)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    try:
        yield attempts
    finally:
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex


@pytest.fixture(autouse=True)
def no_connection_beyond_loopback(loopback_only):
    before = len(loopback_only)
    yield
    assert loopback_only[before:] == [], "a connection beyond the loopback interface was attempted"


def stored_text(db: Path) -> str:
    """Every row of every table of the warehouse, as text."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_type = 'BASE TABLE'").fetchall()]
        return "\n".join(str(con.execute(f"select * from {t}").fetchall())  # noqa: S608 - catalog names
                         for t in tables)


def raw_bodies(raw_root: Path) -> list[bytes]:
    """Every body landed in the raw store."""
    return [gzip.decompress(p.read_bytes()) for p in raw_root.rglob("*.gz")]


def assert_canary_absent(db: Path, raw_root: Path, canary: Canary) -> None:
    assert canary.secret not in stored_text(db), "the canary file's content is in the warehouse"
    secret = canary.secret.encode()
    assert not [b for b in raw_bodies(raw_root) if secret in b], "the canary file's content was landed"
