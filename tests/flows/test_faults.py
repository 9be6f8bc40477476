"""Hostile and broken servers, on 127.0.0.1: every fault is recorded in `fetches` with its reason, nothing
from a bad response is loaded, and every other source of the same run loads fully."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time

import duckdb
import pytest

from flows.ingest import ingest
from tests.conftest import write_sources

CAP = 200_000


def feed(title: str, link: str = "articles/none.html") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<item><title>{title} item</title><link>{link}</link><guid>{title}-1</guid>"
            "<pubDate>Fri, 27 Nov 2026 09:00:00 +0000</pubDate><description>Fault test item.</description>"
            "</item></channel></rss>").encode()


RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def etag_route(handler):
    if handler.headers.get("If-None-Match") == '"v1"':
        return 304, {"ETag": '"v1"'}, b""
    return 200, {**RSS, "ETag": '"v1"'}, feed("Etag Echo")


def flaky(first_status: int, first_headers: dict, title: str):
    calls = []

    def route(handler):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return first_status, first_headers, b"try again later"
        return 200, RSS, feed(title)

    route.calls = calls
    return route


def stall(handler):
    time.sleep(2.5)  # longer than the read timeout of this test
    return None


def reset(handler):
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    return None


def truncated(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(feed("Truncated Times")[:100])
    handler.close_connection = True
    return None


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode()
                             for i in range(2, 10)).replace(b"&lol1;", b"&lol;")
                  + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
                  + b"<link>http://127.0.0.1/x</link></item></channel></rss>")
WRONG_CHARSET = ('<?xml version="1.0" encoding="us-ascii"?><rss version="2.0"><channel><title>Charset</title>'
                 "<item><title>Zürich café talks resume</title><link>articles/zurich.html</link>"
                 "<guid>charset-1</guid></item></channel></rss>").encode()

FAULTS = {
    # name: (path, route, expected outcome of the source's fetch, what its error says)
    "etag": ("/faults/etag.xml", etag_route, "ok", None),
    "rate-limited": ("/faults/429.xml", flaky(429, {"Retry-After": "1"}, "Patient Post"), "ok", None),
    "flaky-500": ("/faults/500.xml", flaky(500, {}, "Second Chance"), "ok", None),
    "read-timeout": ("/faults/stall.xml", stall, "network_error", "timed out"),
    "reset": ("/faults/reset.xml", reset, "network_error", "reset"),
    "truncated": ("/faults/truncated.xml", truncated, "network_error", "IncompleteRead"),
    "over-cap": ("/faults/huge.xml", (200, RSS, b"<rss>" + b"x" * (CAP * 2)), "too_large", f"{CAP}"),
    "gzip-bomb": ("/faults/bomb.xml",
                  (200, {**RSS, "Content-Encoding": "gzip"}, gzip.compress(b"\0" * 50_000_000)),
                  "too_large", f"{CAP}"),
    "redirect-loop": ("/faults/loop.xml", (302, {"Location": "/faults/loop.xml"}, b""), "network_error",
                      "redirects"),
    "wrong-charset": ("/faults/charset.xml", (200, {"Content-Type": "application/rss+xml; charset=us-ascii"},
                                             WRONG_CHARSET), "ok", None),
    "billion-laughs": ("/faults/lol.xml", (200, RSS, BILLION_LAUGHS), "parse_error", "entit"),
    "metadata-link": ("/faults/metadata.xml", (200, RSS, feed("Cloud Probe",
                                                              "http://169.254.169.254/latest/meta-data/")),
                      "ok", None),
}


def fault_sources(base: str) -> str:
    return "".join(
        f'\n[[sources]]\nname = "{name}"\nkind = "rss"\nurl = "{base}{path}"\noutlet = "Fault {name}"\n'
        + ("follow_links = true\n" if name in ("metadata-link", "wrong-charset") else "")
        for name, (path, *_rest) in FAULTS.items())


def query(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory, site_server, prefect_harness):
    tmp = tmp_path_factory.mktemp("faults")
    for _name, (path, route, *_rest) in FAULTS.items():
        site_server.routes[path] = route
    mp = pytest.MonkeyPatch()
    mp.setenv("NEWSETL_READ_TIMEOUT", "1")
    mp.setenv("NEWSETL_HTTP_RETRIES", "1")
    mp.setenv("NEWSETL_MAX_BODY_BYTES", str(CAP))
    sources = write_sources(tmp / "sources.toml", site_server.base_url, fault_sources(site_server.base_url))
    db = tmp / "news.duckdb"
    started = len(site_server.requests)
    try:
        first = ingest(sources_file=str(sources), warehouse_path=str(db))
        second = ingest(sources_file=str(sources), warehouse_path=str(db))
    finally:
        mp.undo()
        for path, *_rest in FAULTS.values():
            site_server.routes.pop(path, None)
    yield first, second, db, site_server.requests[started:], site_server.headers[started:]


def fetch_of(db, source: str, run_id: str):
    return query(db, """select f.outcome, f.status_code, f.error from fetches f join feeds d using (feed_id)
                        where d.name = ? and f.run_id = ? and f.purpose <> 'article'""",
                 [source, run_id])[0]


@pytest.mark.parametrize("name", list(FAULTS))
def test_each_fault_is_recorded_with_its_reason(fault_run, name):
    first, _, db, _, _ = fault_run
    _, _, outcome, reason = FAULTS[name]
    got_outcome, _, error = fetch_of(db, name, first.run_id)
    assert got_outcome == outcome, (name, error)
    if reason:
        assert reason.lower() in (error or "").lower(), error
    if outcome != "ok":  # nothing of a bad response is loaded
        assert query(db, """select count(*) from articles a join feeds d using (feed_id)
                            where d.name = ?""", [name]) == [(0,)]


def test_every_healthy_source_loads_fully_beside_the_faults(fault_run):
    first, _, db, _, _ = fault_run
    assert first.status == "completed"
    for name in ("independent-world", "harbour-times", "northern-courier", "daily8-world"):
        assert fetch_of(db, name, first.run_id)[0] == "ok"
    assert query(db, """select count(*) from articles a join feeds d using (feed_id)
                        where d.name in ('independent-world', 'harbour-times', 'northern-courier',
                                         'daily8-world')""") == [(47,)]


def test_etag_gives_304_on_the_next_run(fault_run):
    _, second, db, _, headers = fault_run
    assert fetch_of(db, "etag", second.run_id)[:2] == ("not_modified", 304)
    assert any(h.get("If-None-Match") == '"v1"' for h in headers)


def test_429_waits_for_retry_after_and_500_is_retried(fault_run):
    route = FAULTS["rate-limited"][1]
    assert len(route.calls) >= 2 and route.calls[1] - route.calls[0] >= 0.9
    assert len(FAULTS["flaky-500"][1].calls) >= 2


def test_a_wrong_declared_charset_still_reads_the_text(fault_run):
    _, _, db, _, _ = fault_run
    assert query(db, "select count(*) from articles where title = 'Zürich café talks resume'") == [(1,)]


def test_an_article_link_to_the_metadata_address_is_refused_not_fetched(fault_run):
    first, _, db, requests, _ = fault_run
    outcome, _, error = query(db, """select outcome, status_code, error from fetches
                                     where url like 'http://169.254.169.254/%' and run_id = ?""",
                              [first.run_id])[0]
    assert outcome == "refused" and "cloud metadata address" in error


def test_no_fault_left_a_thread_or_a_half_written_raw_file(fault_run):
    _, _, db, _, _ = fault_run
    assert not list((db.parent / "raw").rglob("*.tmp"))
    assert threading.active_count() < 50
