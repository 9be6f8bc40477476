"""Asking each host politely: a bound on requests in flight per host and in all, a minimum interval between
requests to one host, robots.txt for article pages, and no article links into private networks.

One HostGate per process is shared by every fetching task (they run in threads), so the bounds hold across
sources: two feeds of one outlet do not double its load.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from urllib.parse import urlsplit, urlunsplit


class HostGate:
    """At most `per_host` requests in flight to one host, `total` in all, and `interval` seconds between
    the starts of two requests to one host."""

    def __init__(self, per_host: int, total: int, interval: float) -> None:
        self.per_host, self.interval = per_host, interval
        self._total = threading.BoundedSemaphore(total)
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    def _host_semaphore(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(self.per_host))

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.interval
        if start > now:
            time.sleep(start - now)

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._host_semaphore(host), self._total:
            self._wait_turn(host)
            yield


@cache
def host_gate(per_host: int, total: int, interval: float) -> HostGate:
    """The process's gate for these bounds."""
    return HostGate(per_host, total, interval)


# --- private networks -------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _addresses(host: str) -> tuple[str, ...]:
    """The addresses a host resolves to (looked up once per host per process); none if it does not."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return ()
    return tuple(dict.fromkeys(info[4][0].split("%")[0] for info in infos))


def forbidden_address(url: str) -> str | None:
    """Why an article link must not be fetched: its host resolves to a loopback, private, link-local
    (cloud metadata: 169.254.169.254), multicast, reserved or unspecified address. None if it is public.
    A host that does not resolve is left to the fetch, which reports it."""
    host = urlsplit(url).hostname
    if not host:
        return None
    for text in _addresses(host):
        address = ipaddress.ip_address(text)
        for kind in ("loopback", "link_local", "multicast", "reserved", "unspecified", "private"):
            if getattr(address, f"is_{kind}"):
                return f"{host} resolves to the {kind.replace('_', '-')} address {address}"
    return None


# --- robots.txt -------------------------------------------------------------------------------------------

def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def parse_robots(body: bytes | None, status_code: int | None) -> urllib.robotparser.RobotFileParser:
    """robots.txt as fetched: 4xx (none) allows everything, 5xx or no answer disallows everything (as
    RFC 9309 asks), a body is parsed."""
    parser = urllib.robotparser.RobotFileParser()
    if body is not None and status_code is not None and status_code < 400:
        parser.parse(body.decode("utf-8", "replace").splitlines())
    elif status_code is not None and 400 <= status_code < 500:
        parser.allow_all = True
    else:
        parser.disallow_all = True
    return parser
