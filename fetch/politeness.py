"""Asking each host politely: a bound on requests in flight per host and in all, a minimum interval between
requests to one host, robots.txt for article pages, and no links found in data into private networks or
cloud metadata services (Reach: checked on every redirect hop and on the address actually connected to).

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
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit, urlunsplit

from transforms.normalise import is_web_url


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

# Cloud instance-metadata services (AWS, Azure, GCP, Oracle; AWS ECS tasks; AWS over IPv6; Alibaba): never
# reached by a link found in data, even from a source that allows private hosts.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"))
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")   # RFC 6598 (carrier-grade NAT, Alibaba)
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")             # RFC 6052: the IPv4 address is the low bits
ADDRESS_KINDS = ("loopback", "link_local", "multicast", "reserved", "unspecified", "private")


def is_loopback_name(host: str) -> bool:
    """`localhost`, `localhost.` and any `*.localhost` name (RFC 6761): loopback whatever a resolver says
    (some fail on the trailing dot), so they are refused without asking one."""
    name = host.lower().rstrip(".")
    return name == "localhost" or name.endswith(".localhost")


def ip_literal(host: str) -> str | None:
    """The address a host written as an IP literal names, in canonical form, or None for a name. Legacy IPv4
    forms are read as the C library reads them (inet_aton): `0x7f000001`, `2130706433`, `127.1` and
    `0177.0.0.1` are all 127.0.0.1."""
    try:
        return str(ipaddress.ip_address(host.split("%")[0]))
    except ValueError:
        pass
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except (OSError, UnicodeError, ValueError):
        return None


def _judged(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> tuple:
    """The addresses one address is judged by: an IPv6 address that stands for an IPv4 one (::ffff:a.b.c.d,
    NAT64's 64:ff9b::a.b.c.d) is that IPv4 address; a 6to4 address is both; any other is itself."""
    if address.version == 6:
        if address.ipv4_mapped:
            return (address.ipv4_mapped,)
        if address in NAT64_PREFIX:
            return (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF),)
        if address.sixtofour:
            return (address.sixtofour, address)
    return (address,)


def address_refusal(text: str, allow_private: bool = False) -> str | None:
    """Why a link found in data must not reach this IP address, or None: a cloud metadata address always;
    unless `allow_private`, a loopback, link-local, multicast, reserved, unspecified, private or shared
    (100.64.0.0/10) address, or any other that is not globally routable. An IPv6 address carrying an IPv4
    one is judged by that one (_judged)."""
    for candidate in _judged(ipaddress.ip_address(text.split("%")[0])):
        if candidate in METADATA_ADDRESSES:
            return f"{candidate} is a cloud metadata address"
        if allow_private:
            continue
        kind = next((k for k in ADDRESS_KINDS if getattr(candidate, f"is_{k}")), None)
        if kind:
            return f"the {kind.replace('_', '-')} address {candidate}"
        if candidate in SHARED_ADDRESS_SPACE:
            return f"the shared (carrier-grade NAT) address {candidate}"
        if not candidate.is_global:
            return f"the non-global address {candidate}"
    return None


@lru_cache(maxsize=4096)
def _addresses(host: str) -> tuple[str, ...]:
    """The addresses a host resolves to (looked up once per host per process); none if it does not."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return ()
    return tuple(dict.fromkeys(info[4][0].split("%")[0] for info in infos))


def forbidden_address(url: str, allow_private: bool = False) -> str | None:
    """Why a link found in data must not be fetched: its host is a loopback name (`localhost.`), or it is,
    or resolves to, an address address_refusal refuses. None if it may be. A host that does not resolve is
    left to the fetch, which reports it; the fetch also checks the address it actually connects to
    (fetch/http.py), so a name that resolves differently the second time gains nothing."""
    host = urlsplit(url).hostname
    if not host:
        return None
    if not allow_private and is_loopback_name(host):
        return f"{host} is a loopback name"
    literal = ip_literal(host)
    for text in (literal,) if literal else _addresses(host):
        if reason := address_refusal(text, allow_private):
            return reason if literal else f"{host} resolves to {reason}"
    return None


# --- where one fetch may go -------------------------------------------------------------------------------

def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, lower case, the default port filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").rstrip("."), port or {"http": 80, "https": 443}.get(scheme)


@dataclass(frozen=True)
class Reach:
    """Where one fetch may go, hop by hop (each redirect is a hop) and address by address: http(s) only;
    not into private networks unless `allow_private`; never to a cloud metadata address. The one exception
    is `trusted`, the origin of a URL a person wrote (a source in sources.toml, a URL given on the command
    line): that host is reached wherever it is, as before. Links found in data never get one."""

    allow_private: bool = False
    trusted: tuple[str, str, int | None] | None = None

    @classmethod
    def trusting(cls, url: str, allow_private: bool = False) -> Reach:
        """The reach of a fetch of `url`, written by a person: its own origin trusted."""
        return cls(allow_private=allow_private, trusted=origin(url))

    def trusts(self, url: str) -> bool:
        return self.trusted is not None and origin(url) == self.trusted

    def refusal(self, url: str) -> str | None:
        """Why this hop must not be requested (checked before connecting), or None."""
        if not is_web_url(url):
            return f"{url[:80]!r} is not an http(s) URL"
        if self.trusts(url):
            return None
        return forbidden_address(url, self.allow_private)

    def peer_refusal(self, url: str, address: str) -> str | None:
        """Why a connection made for this hop to `address` (the socket's peer) must not be used, or None."""
        if self.trusts(url):
            return None
        if reason := address_refusal(address, self.allow_private):
            return f"{urlsplit(url).hostname} connected to {reason}"
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
