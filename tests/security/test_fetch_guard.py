"""Probes of the fetcher itself (fetch/http.py, fetch/politeness.py) against real loopback servers: redirect
hops, the address actually connected to, loopback names and IP spellings, cloud metadata addresses, the
total deadline, and file:// reads. The forbidden server stands for a private service: it records every
request, and any request it receives fails the test."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from fetch import politeness
from fetch.http import fetch, fetch_file, make_session
from fetch.politeness import Reach, forbidden_address
from newsetl.config import Settings


@pytest.fixture
def settings(tmp_path):
    return Settings.from_env(warehouse_path=tmp_path / "w.duckdb", max_body_bytes=64 * 1024,
                             fetch_deadline=1.5)


@pytest.fixture(autouse=True)
def forbidden_untouched(forbidden_server):
    before = len(forbidden_server.requests)
    yield
    assert forbidden_server.requests[before:] == [], "a request reached the forbidden server"


def redirect(site_server, name: str, location: str) -> str:
    site_server.routes[f"/sec/redirect/{name}"] = (302, {"Location": location}, b"")
    return site_server.url(f"/sec/redirect/{name}")


def run_bounded(function, seconds: float):
    """function() in a thread; fails the test if it has not returned within `seconds`."""
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("value", function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return box["value"]


# --- every redirect hop is checked ----------------------------------------------------------------------

HOP_TARGETS = {
    "other-port": "http://127.0.0.1:{port}/secret",
    "ipv6-loopback": "http://[::1]:{port}/secret",
    "localhost": "http://localhost:{port}/secret",
    "localhost-dot": "http://localhost.:{port}/secret",
    "hex": "http://0x7f000001:{port}/secret",
    "decimal": "http://2130706433:{port}/secret",
    "short": "http://127.1:{port}/secret",
    "octal": "http://0177.0.0.1:{port}/secret",
    "zero": "http://0.0.0.0:{port}/secret",
    "userinfo": "http://user@127.0.0.1:{port}/secret",
    "mapped": "http://[::ffff:127.0.0.1]:{port}/secret",
    "metadata": "http://169.254.169.254/latest/meta-data/",
    "alibaba": "http://100.100.100.200/latest/meta-data/",
    "aws-v6": "http://[fd00:ec2::254]/latest/meta-data/",
    "file": "{canary}",
    "file-upper": "FILE://{canary_path}",
    "file-host": "file://localhost{canary_path}",
}


@pytest.mark.parametrize("name", sorted(HOP_TARGETS))
def test_a_redirect_out_of_the_trusted_origin_is_checked(name, site_server, forbidden_server, canary,
                                                         settings):
    """The feed URL a person wrote (the loopback site server) is trusted; its redirect to another origin
    is a link found in data: refused before connecting, whatever the spelling."""
    target = HOP_TARGETS[name].format(port=forbidden_server.port, canary=canary.uri, canary_path=canary.path)
    url = redirect(site_server, name, target)
    with make_session(settings) as session:
        result = fetch(session, url, settings, reach=Reach.trusting(url))
    assert result.outcome == "refused", result
    assert result.body is None and canary.secret not in (result.error or "")
    assert site_server.requests.count(f"/sec/redirect/{name}") >= 1  # the first hop was made


def test_metadata_is_refused_on_a_hop_even_where_private_hosts_are_allowed(site_server, settings):
    url = redirect(site_server, "metadata-open", "http://169.254.169.254/latest/meta-data/iam/")
    with make_session(settings) as session:
        result = fetch(session, url, settings, reach=Reach(allow_private=True))
    assert result.outcome == "refused" and "metadata" in result.error


def test_a_redirect_within_an_allowed_reach_is_followed(site_server, settings):
    """The control: the same machinery follows a redirect it may follow, and keeps the final URL."""
    url = redirect(site_server, "inside", site_server.url("independent/rss.xml"))
    with make_session(settings) as session:
        result = fetch(session, url, settings, reach=Reach(allow_private=True))
    assert result.outcome == "ok" and result.final_url.endswith("/independent/rss.xml")


def test_too_many_redirects_end_the_fetch(site_server, settings):
    site_server.routes["/sec/loop"] = (302, {"Location": "/sec/loop"}, b"")
    before = site_server.requests.count("/sec/loop")
    with make_session(settings) as session:
        result = fetch(session, site_server.url("sec/loop"), settings)
    assert result.outcome == "network_error" and "redirects" in result.error
    assert site_server.requests.count("/sec/loop") - before == settings.max_redirects + 1


def test_each_hop_is_checked_with_the_resolver_of_the_moment(monkeypatch):
    """A public first hop and a Location whose name resolves into a private network: the hop check asks
    the (injected) resolver for each hop's own name."""
    answers = {"news.test": ("93.184.216.34",), "intranet.test": ("10.0.0.5",)}
    monkeypatch.setattr(politeness, "_addresses", lambda host: answers.get(host, ()))
    reach = Reach()
    assert reach.refusal("https://news.test/story") is None
    assert "private address 10.0.0.5" in reach.refusal("https://intranet.test/admin")


# --- the address actually connected to --------------------------------------------------------------------

@pytest.fixture
def rebinding(monkeypatch):
    """`rebind.test` resolves to a public address when the check asks, and to 127.0.0.1 when the
    connection is made: a DNS-rebinding attack, with both answers under the test's control."""
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(politeness, "_addresses", lambda host: ("93.184.216.34",))

    def getaddrinfo(host, *args, **kwargs):
        return real_getaddrinfo("127.0.0.1" if host == "rebind.test" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_a_name_that_resolves_to_loopback_at_connect_time_is_refused(rebinding, forbidden_server, settings):
    url = forbidden_server.url("/rebound", host="rebind.test")
    assert Reach().refusal(url) is None  # the check alone is fooled...
    with make_session(settings) as session:
        result = fetch(session, url, settings, reach=Reach())
    # ...the connection is not: refused on its peer address, before the request was sent
    assert result.outcome == "refused" and "connected to the loopback address 127.0.0.1" in result.error


def test_the_peer_check_is_what_refused(rebinding, forbidden_server, settings):
    """The control: where private hosts are allowed, the same connection is made (and recorded)."""
    url = forbidden_server.url("/rebound-allowed", host="rebind.test")
    with make_session(settings) as session:
        result = fetch(session, url, settings, reach=Reach(allow_private=True))
    assert result.outcome == "ok"
    assert forbidden_server.requests.pop() == "/rebound-allowed"  # expected here; removed for the guard


# --- names and addresses ----------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["localhost", "localhost.", "LOCALHOST", "app.localhost", "a.b.localhost."])
def test_loopback_names_are_refused_without_asking_a_resolver(host, monkeypatch):
    def no_resolver(name):
        raise AssertionError(f"the resolver was asked about {name}")

    monkeypatch.setattr(politeness, "_addresses", no_resolver)
    assert "loopback name" in forbidden_address(f"http://{host}:8080/x")


@pytest.mark.parametrize(("url", "word"), [
    ("http://0x7f000001/", "loopback"), ("http://2130706433/", "loopback"), ("http://127.1/", "loopback"),
    ("http://0177.0.0.1/", "loopback"), ("http://0.0.0.0/", "unspecified"),
    ("http://user@127.0.0.1/", "loopback"), ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://[::1]/", "loopback"), ("http://[64:ff9b::7f00:1]/", "loopback"),
    ("http://169.254.169.254/", "metadata"), ("http://[fd00:ec2::254]/", "metadata"),
    ("http://100.100.100.200/", "metadata"), ("http://[::ffff:169.254.169.254]/", "metadata"),
    ("http://100.64.0.1/", "shared"), ("http://100.127.255.254/", "shared"),
    ("http://10.0.0.1/", "private"), ("http://169.254.1.1/", "link-local"),
])
def test_ip_spellings_are_refused(url, word, monkeypatch):
    monkeypatch.setattr(politeness, "_addresses", lambda host: pytest.fail(f"resolver asked about {host}"))
    assert word in forbidden_address(url)


@pytest.mark.parametrize("address", ["93.184.216.34", "::ffff:93.184.216.34", "64:ff9b::5db8:d822",
                                     "2606:4700::1111"])
def test_public_addresses_pass_in_every_form(address):
    """The control: an IPv6 address standing for a public IPv4 one (a dual-stack socket, NAT64) is public."""
    assert politeness.address_refusal(address) is None


@pytest.mark.parametrize("url", ["http://169.254.169.254/", "http://[fd00:ec2::254]/",
                                 "http://100.100.100.200/"])
def test_metadata_addresses_are_refused_even_where_private_hosts_are_allowed(url):
    assert "metadata" in forbidden_address(url, allow_private=True)
    assert forbidden_address("http://127.0.0.1/", allow_private=True) is None


# --- the total deadline -----------------------------------------------------------------------------------

def drip(data: bytes, interval: float = 0.25):
    """A route that sends `data` one byte at a time: each byte well within the read timeout."""
    def route(handler):
        try:
            for byte in data:
                handler.wfile.write(bytes([byte]))
                time.sleep(interval)
        except OSError:
            pass  # the client hung up: what we want
        return None
    return route


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_server_that_drips_bytes_is_cut_at_the_deadline(where, site_server, settings):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 200\r\n\r\n"
    if where == "headers":
        site_server.routes["/sec/drip/headers"] = drip(head + b"x" * 200)
    else:
        site_server.routes["/sec/drip/body"] = lambda h: (h.wfile.write(head), drip(b"x" * 200)(h))[1]
    assert settings.read_timeout > 0.25  # every single read would succeed: only the deadline can stop it
    started = time.monotonic()
    with make_session(settings) as session:
        result = run_bounded(lambda: fetch(session, site_server.url(f"sec/drip/{where}"), settings), 15)
    elapsed = time.monotonic() - started
    assert result.outcome == "network_error" and "fetch_deadline 1.5 s" in result.error
    assert elapsed < settings.fetch_deadline + 2


def test_retry_after_never_outlasts_the_deadline(site_server, settings):
    site_server.routes["/sec/retry-after"] = (503, {"Retry-After": "3600"}, b"busy")
    started = time.monotonic()
    with make_session(settings) as session:
        result = run_bounded(lambda: fetch(session, site_server.url("sec/retry-after"), settings), 15)
    assert result.outcome != "ok" and time.monotonic() - started < settings.fetch_deadline + 2


# --- file:// reads ----------------------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting(tmp_path, settings):
    pipe = tmp_path / "feed.xml"
    os.mkfifo(pipe)
    result = run_bounded(lambda: fetch_file(pipe.as_uri(), settings), 5)
    assert result.outcome == "refused" and "not a regular file" in result.error


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused(path, settings):
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    result = run_bounded(lambda: fetch_file(f"file://{path}", settings), 5)
    assert result.outcome == "refused" and "not a regular file" in result.error


def test_a_folder_is_refused(tmp_path, settings):
    assert fetch_file(tmp_path.as_uri(), settings).outcome == "refused"


@pytest.mark.parametrize("prefix", ["file://x", "file://localhost", "file://127.0.0.1"])
def test_a_file_url_with_a_host_is_refused(prefix, canary, settings):
    result = fetch_file(f"{prefix}{canary.path}", settings)
    assert result.outcome == "refused" and result.body is None


def test_a_file_is_read_only_up_to_the_cap(tmp_path, settings):
    big = tmp_path / "big.xml"
    big.write_bytes(b"x" * (settings.max_body_bytes + 1))
    assert fetch_file(big.as_uri(), settings).outcome == "too_large"
