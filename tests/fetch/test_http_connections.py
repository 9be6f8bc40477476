"""One session's fetches from one host share a connection whatever they get back: a 304 (the whole of a
re-poll of unchanged feeds), a redirect, an error page. A body too long to skip still closes it."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fetch import politeness
from fetch.fetchers import LiveFetcher
from fetch.http import UNUSED_BODY_BYTES, fetch, make_session, shared_session
from fetch.politeness import Reach
from newsetl.config import Feed, Settings

LAST_MODIFIED = "Fri, 27 Nov 2026 08:00:00 GMT"
FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"


class Handler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive; records the client port of every request (one port = one connection)."""

    protocol_version = "HTTP/1.1"
    ports: list[int]

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.ports.append(self.client_address[1])
        if self.path == "/moved":
            self.answer(301, b"moved to /feed.xml", {"Location": "/feed.xml"})
        elif self.path == "/missing":
            self.answer(404, b"<html>no such feed</html>")
        elif self.path == "/chunked-error":  # a body of unknown length: not waited for
            self.send_response(503)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"5\r\nbusy.\r\n0\r\n\r\n")
        elif self.path == "/long-error":
            self.answer(500, b"x" * (UNUSED_BODY_BYTES * 4))
        elif self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self.answer(304, b"")
        else:
            self.answer(200, FEED, {"Last-Modified": LAST_MODIFIED})

    def answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    ports: list[int] = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), type("Recorded", (Handler,), {"ports": ports}))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", ports
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def settings(tmp_path):
    return Settings.from_env(warehouse_path=tmp_path / "w.duckdb", http_retries=0)


def test_not_modified_answers_keep_the_connection(server, settings):
    base, ports = server
    with make_session(settings) as session:
        outcomes = [
            fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED).outcome
            for _ in range(5)
        ]
    assert outcomes == ["not_modified"] * 5
    assert len(ports) == 5 and len(set(ports)) == 1


def test_redirects_and_error_pages_keep_the_connection(server, settings):
    base, ports = server
    with make_session(settings) as session:
        moved = fetch(session, f"{base}/moved", settings)
        missing = fetch(session, f"{base}/missing", settings)
        again = fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED)
    assert (moved.outcome, moved.final_url, moved.body) == ("ok", f"{base}/feed.xml", FEED)
    assert (missing.outcome, missing.status_code, again.outcome) == ("http_error", 404, "not_modified")
    assert len(ports) == 4 and len(set(ports)) == 1


def test_an_error_body_too_long_to_skip_closes_the_connection(server, settings):
    base, ports = server
    with make_session(settings) as session:
        failed = fetch(session, f"{base}/long-error", settings)
        again = fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED)
    assert (failed.outcome, failed.status_code, again.outcome) == ("http_error", 500, "not_modified")
    assert len(ports) == 2 and len(set(ports)) == 2


def test_an_error_body_of_unknown_length_is_not_waited_for(server, settings):
    base, ports = server
    with make_session(settings) as session:
        failed = fetch(session, f"{base}/chunked-error", settings)
        again = fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED)
    assert (failed.outcome, failed.status_code, again.outcome) == ("http_error", 503, "not_modified")
    assert len(ports) == 2 and len(set(ports)) == 2  # its connection was closed, not drained


def test_fetches_start_no_thread_of_their_own(server, settings, monkeypatch):
    """One thread of the process watches every fetch's deadline (a timer thread per fetch cost a third of
    a 304's client time)."""
    base, _ = server
    started: list[threading.Thread] = []
    start = threading.Thread.start

    def recorded(thread: threading.Thread) -> None:
        started.append(thread)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", recorded)
    with make_session(settings) as session:
        for _ in range(10):
            assert fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED).outcome == (
                "not_modified"
            )
    ours = [t.name for t in started if "process_request_thread" not in t.name]  # not the server's
    assert ours in ([], ["newsetl-fetch-deadlines"])


def test_a_finished_fetch_past_its_deadline_leaves_its_connection_to_the_next(server, tmp_path):
    base, ports = server
    settings = Settings.from_env(warehouse_path=tmp_path / "w.duckdb", http_retries=0, fetch_deadline=0.3)
    with make_session(settings) as session:
        first = fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED)
        time.sleep(0.6)  # the first fetch's deadline passes while its connection waits in the pool
        again = fetch(session, f"{base}/feed.xml", settings, last_modified=LAST_MODIFIED)
    assert (first.outcome, again.outcome) == ("not_modified", "not_modified")
    assert len(ports) == 2 and len(set(ports)) == 1


def test_the_feeds_of_one_host_share_its_connection(server, settings):
    """The live fetcher's fetches share one session: two feeds of one host, one connection."""
    base, ports = server
    fetcher = LiveFetcher(settings)
    for name in ("world", "business"):
        feed = Feed(name=name, kind="rss", url=f"{base}/feed.xml", outlet="Loopback News")
        result, _ = fetcher.feed(feed, (None, LAST_MODIFIED, None))
        assert result.outcome == "not_modified"
    assert len(ports) == 2 and len(set(ports)) == 1


def test_a_kept_alive_connection_is_checked_against_each_fetch_reach(server, settings, monkeypatch):
    """A connection a trusted fetch opened (a feed URL a person wrote, on 127.0.0.1) is not used by a fetch
    whose Reach refuses private addresses, even when the name check before connecting was fooled (a name
    answering a public address to the check, as a rebinding DNS server would)."""
    base, ports = server
    session = shared_session(settings)
    url = f"{base}/feed.xml"
    trusted = fetch(session, url, settings, last_modified=LAST_MODIFIED, reach=Reach.trusting(url))
    assert trusted.outcome == "not_modified" and len(ports) == 1
    monkeypatch.setattr(politeness, "forbidden_address", lambda *args: None)  # the check before connecting
    found_in_data = fetch(
        session, url, settings, last_modified=LAST_MODIFIED, reach=Reach(allow_private=False)
    )
    assert found_in_data.outcome == "refused" and "127.0.0.1" in found_in_data.error
    assert len(ports) == 1  # nothing was sent on the trusted fetch's connection
