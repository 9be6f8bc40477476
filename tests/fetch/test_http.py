"""Fetching against the loopback server: outcomes are data, never exceptions."""

from __future__ import annotations

import pytest

from fetch.http import fetch, make_session
from newsetl.config import Settings


@pytest.fixture
def settings(tmp_path):
    return Settings.from_env(warehouse_path=tmp_path / "w.duckdb", max_body_bytes=64 * 1024)


def test_ok_with_validators(site_server, settings):
    with make_session(settings) as session:
        result = fetch(session, site_server.url("independent/rss.xml"), settings)
    assert result.outcome == "ok" and result.status_code == 200 and result.body.startswith(b"<?xml")
    assert result.last_modified and result.fetched_at


def test_conditional_get_gives_not_modified(site_server, settings):
    with make_session(settings) as session:
        first = fetch(session, site_server.url("harbourtimes/atom.xml"), settings)
        again = fetch(session, site_server.url("harbourtimes/atom.xml"), settings,
                      last_modified=first.last_modified)
    assert again.outcome == "not_modified" and again.status_code == 304 and again.body is None


def test_server_error_is_retried_then_recorded(site_server, settings):
    site_server.routes["/http/503"] = (503, {}, b"busy")
    before = site_server.requests.count("/http/503")
    with make_session(settings) as session:
        result = fetch(session, site_server.url("http/503"), settings)
    assert result.outcome == "http_error" and result.status_code == 503 and "HTTP 503" in result.error
    assert site_server.requests.count("/http/503") - before == 1 + settings.http_retries


def test_not_found_is_not_retried(site_server, settings):
    before = len(site_server.requests)
    with make_session(settings) as session:
        result = fetch(session, site_server.url("no/such/page.html"), settings)
    assert result.outcome == "http_error" and result.status_code == 404
    assert len(site_server.requests) - before == 1


def test_body_over_the_cap_is_refused(site_server, settings):
    site_server.routes["/http/huge"] = (200, {"Content-Type": "text/html"}, b"x" * 100_000)
    with make_session(settings) as session:
        result = fetch(session, site_server.url("http/huge"), settings)
    assert result.outcome == "too_large" and result.body is None and "65536" in result.error


def test_connection_refused_is_a_network_error(settings):
    with make_session(settings) as session:
        result = fetch(session, "http://127.0.0.1:9/feed.xml", settings)
    assert result.outcome == "network_error" and "127.0.0.1:9" in result.error


def test_local_files(tmp_path, settings):
    path = tmp_path / "feed.xml"
    path.write_bytes(b"<rss/>")
    ok = fetch(None, path.as_uri(), settings)
    assert ok.outcome == "ok" and ok.body == b"<rss/>"
    missing = fetch(None, (tmp_path / "gone.xml").as_uri(), settings)
    assert missing.outcome == "missing" and "gone.xml" in missing.error
    path.write_bytes(b"x" * 70_000)
    assert fetch(None, path.as_uri(), settings).outcome == "too_large"


def test_brotli_and_gzip_bodies_are_decoded_and_their_encoding_kept(site_server, settings):
    import gzip

    import brotli

    text = b"<rss version='2.0'><channel><title>Compressed</title></channel></rss>"
    site_server.routes["/http/br"] = (200, {"Content-Encoding": "br"}, brotli.compress(text))
    site_server.routes["/http/gz"] = (200, {"Content-Encoding": "gzip"}, gzip.compress(text))
    with make_session(settings) as session:
        br = fetch(session, site_server.url("http/br"), settings)
        gz = fetch(session, site_server.url("http/gz"), settings)
    assert (br.outcome, br.body, br.content_encoding) == ("ok", text, "br")
    assert (gz.outcome, gz.body, gz.content_encoding) == ("ok", text, "gzip")
    assert "br" in site_server.headers[-1]["Accept-Encoding"]
