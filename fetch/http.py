"""Fetching: http(s) with requests, file:// from disk. Every outcome is a FetchResult, never an
exception: a fetch that failed is data (it goes to the `fetches` table and feed health), and it must not
stop the other sources.

Retries are network work only: urllib3's Retry retries connection errors, timeouts, 429 and 5xx with
exponential backoff and jitter, and honours Retry-After. Every request passes the process's HostGate
(fetch/politeness.py): bounded per host and in all, with a minimum interval per host. Bodies are read up
to `max_body_bytes` after decompression (so a gzip bomb is cut, not inflated).

Where a fetch may go is its Reach (fetch/politeness.py). Redirects are followed here, not by requests, at
most `max_redirects` times, and every hop is checked before it is requested: http(s) only, and no private
or metadata address unless the Reach allows it. Every new connection is checked again on the address it
actually reached (the socket's peer, before a byte is sent), so a name that resolves to a public address
for the check and to a private one for the connection gets nothing. Each fetch has a total deadline
(`fetch_deadline`: connecting, waiting, redirects, retries and the whole body): when it passes, the
fetch's sockets are shut down, so a server that drips one byte a second cannot hold a run.

file:// is read only for URLs a person wrote (a source in sources.toml) or a local source's own pages
(fetch/fetchers.py PageGuard), never for a Location header: only regular files, up to `max_body_bytes`.
"""

from __future__ import annotations

import heapq
import itertools
import os
import socket
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache, partial
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from fetch.politeness import Reach, host_gate
from newsetl.clock import now as utc_now  # the one clock: a run, a test or a replay sets it
from newsetl.config import Settings, local_path

# Outcomes recorded in fetches.outcome
OK, NOT_MODIFIED, HTTP_ERROR, NETWORK_ERROR, MISSING, TOO_LARGE, REFUSED = (
    "ok", "not_modified", "http_error", "network_error", "missing", "too_large", "refused")


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    outcome: str
    fetched_at: datetime          # naive UTC
    elapsed_ms: float
    status_code: int | None = None
    error: str | None = None
    body: bytes | None = None
    content_type: str | None = None
    content_encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    size: int | None = None       # bytes of the body, kept when the body itself is dropped (without_body)

    @property
    def ok(self) -> bool:
        return self.outcome == OK

    @property
    def body_bytes(self) -> int | None:
        """Bytes of the body received (None: no body), whether the body is still held or not."""
        return len(self.body) if self.body is not None else self.size

    def without_body(self) -> FetchResult:
        """This fetch without its body, once landed and parsed, so a run does not hold every page."""
        return replace(self, body=None, size=self.body_bytes) if self.body is not None else self


ACCEPT_ENCODING = "gzip, deflate, br"  # br decoded by urllib3 with the brotli package


# --- the deadline and the address of each connection -------------------------------------------------------

class Refused(Exception):  # noqa: N818 - the outcome's name; not an OSError, so urllib3 neither retries it
    """A hop or connection the fetch's Reach does not allow."""


class DeadlineExceeded(Exception):  # noqa: N818 - not an OSError either: raised once, never retried
    """The fetch's total deadline passed."""


@dataclass
class FetchWatch:
    """What the connections of one fetch must know (they find it in a context variable): its deadline, and
    the rule for the address a new connection reaches (None: the hop is trusted). When the deadline passes,
    every socket the fetch uses is shut down, so a read blocked on a slow server returns at once. Once the
    fetch is over (`finish`), its deadline does nothing: its connection may be serving another fetch."""

    deadline: float                                      # time.monotonic()
    peer_refusal: Callable[[str], str | None] | None = None
    expired: bool = False
    finished: bool = False
    sockets: list[socket.socket] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def use(self, sock: socket.socket) -> None:
        """Count `sock` as this fetch's (shut down at the deadline); refused once the deadline has passed."""
        with self.lock:
            if self.expired:
                raise DeadlineExceeded("the fetch deadline passed")
            self.sockets.append(sock)

    def expire(self) -> None:
        with self.lock:
            if self.finished:
                return
            self.expired, sockets = True, list(self.sockets)
        for sock in sockets:
            with suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    def finish(self) -> None:
        with self.lock:
            self.finished, self.sockets = True, []


class Deadlines:
    """Expires each FetchWatch when its deadline passes, all from one daemon thread of the process (a
    threading.Timer per fetch started a thread for each: 0.45 ms, a third of a 304's client time)."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._due: list[tuple[float, int, FetchWatch]] = []   # a heap: the next deadline first
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, watch: FetchWatch) -> None:
        with self._wake:
            heapq.heappush(self._due, (watch.deadline, next(self._order), watch))
            if self._thread is None or not self._thread.is_alive():  # the first, or a forked process
                self._thread = threading.Thread(target=self._expire_when_due, name="newsetl-fetch-deadlines",
                                                daemon=True)
                self._thread.start()
            elif self._due[0][2] is watch:
                self._wake.notify()

    def _expire_when_due(self) -> None:
        while True:
            with self._wake:
                while not self._due or self._due[0][0] > time.monotonic():
                    self._wake.wait(self._due[0][0] - time.monotonic() if self._due else None)
                watch = heapq.heappop(self._due)[2]
            watch.expire()  # nothing once the fetch has finished


_DEADLINES = Deadlines()
_WATCH: ContextVar[FetchWatch | None] = ContextVar("newsetl_fetch_watch", default=None)


@contextmanager
def watched(seconds: float) -> Iterator[FetchWatch]:
    """A FetchWatch for the requests made in this block (this thread), expiring after `seconds`."""
    watch = FetchWatch(deadline=time.monotonic() + seconds)
    _DEADLINES.add(watch)
    token = _WATCH.set(watch)
    try:
        yield watch
    finally:
        _WATCH.reset(token)
        watch.finish()


class _Watched:
    """urllib3 connection behaviour: a socket is checked on its peer address before anything is sent on it
    (not through a proxy, whose address it would be), a new one and a kept-alive one alike (a connection
    another fetch opened under a laxer Reach, a trusted feed URL, is not used for a hop this fetch's Reach
    refuses), and every socket joins the current fetch's watch."""

    def _check(self, sock: socket.socket, watch: FetchWatch) -> None:
        checked = watch.peer_refusal is not None and getattr(self, "proxy", None) is None
        if checked and (reason := watch.peer_refusal(sock.getpeername()[0])):
            raise Refused(reason)
        watch.use(sock)

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        watch = _WATCH.get()
        if watch is None:
            return sock
        try:
            self._check(sock, watch)
        except BaseException:
            sock.close()
            raise
        return sock

    def request(self, *args, **kwargs):
        watch = _WATCH.get()
        if watch is not None and self.sock is not None:  # a kept-alive connection
            self._check(self.sock, watch)
        return super().request(*args, **kwargs)


class WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


class WatchedAdapter(HTTPAdapter):
    """requests' adapter with connections that are checked and watched (see _Watched)."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": WatchedHTTPConnectionPool,
                                                   "https": WatchedHTTPSConnectionPool}


class DeadlineRetry(Retry):
    """urllib3's Retry, whose waits (backoff, Retry-After) never outlast the fetch's deadline."""

    def _capped(self, seconds: float | None) -> float | None:
        watch = _WATCH.get()
        return seconds if watch is None or seconds is None else min(seconds, watch.remaining())

    def get_retry_after(self, response):
        return self._capped(super().get_retry_after(response))

    def get_backoff_time(self) -> float:
        return self._capped(super().get_backoff_time())


def make_session(settings: Settings) -> requests.Session:
    """A session with the project's User-Agent and retry policy. Redirects are not followed by requests:
    fetch_http follows them, checking each hop. Its connection pool keeps up to SESSION_HOSTS hosts' idle
    connections, as many per host as may be in flight to one (host_concurrency, page_workers)."""
    retry = DeadlineRetry(
        total=settings.http_retries,
        connect=settings.http_retries,
        read=settings.http_retries,
        status=settings.http_retries,
        backoff_factor=settings.http_backoff,
        backoff_jitter=settings.http_backoff / 2,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    session.max_redirects = settings.max_redirects  # requests only prepares the next hop (response.next)
    adapter = WatchedAdapter(max_retries=retry, pool_connections=SESSION_HOSTS,
                             pool_maxsize=max(settings.page_workers, settings.host_concurrency, 4))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": settings.user_agent,
                            "Accept-Encoding": ACCEPT_ENCODING})
    return session


SESSION_HOSTS = 32  # hosts whose idle connections a session keeps (the least recently used are closed)


@lru_cache(maxsize=4)
def shared_session(settings: Settings) -> requests.Session:
    """The process's session for these settings, shared by every live fetch (threads included), so that
    fetches from one host reuse its connections: a session per feed opened a connection per feed, a TCP
    (and on https a TLS) handshake each. Sharing is safe across Reaches: every request checks the address
    of its connection, kept-alive or new, against its own fetch's Reach (_Watched)."""
    return make_session(settings)


UNUSED_BODY_BYTES = 64 * 1024  # of a body we do not use, read at most this much to keep its connection


def _release(response: requests.Response) -> None:
    """Read what is left of a body we do not use (a 304 has none; a redirect's or an error's is a short
    note), so that its connection goes back to the session's pool for the next fetch from that host
    instead of being closed: without it, every conditional GET that came back 304 opened a new connection
    (a TCP, and on https a TLS, handshake per feed). Only a body whose Content-Length says it is at most
    UNUSED_BODY_BYTES is read (one of unknown length could keep the fetch waiting): any other, or one that
    cannot be read, is left, and closing the response closes its connection, as before."""
    length = response.headers.get("Content-Length", "")
    if response.status_code != 304 and not (length.isdigit() and int(length) <= UNUSED_BODY_BYTES):
        return
    with suppress(requests.RequestException, OSError, DeadlineExceeded):
        _read_capped(response, UNUSED_BODY_BYTES)


def _read_capped(response: requests.Response, cap: int) -> bytes | None:
    """The body, or None when it is longer than `cap` bytes (then it is not read further)."""
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=64 * 1024):
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_http(session: requests.Session, url: str, settings: Settings, etag: str | None = None,
               last_modified: str | None = None, reach: Reach | None = None) -> FetchResult:
    """GET `url`, conditionally when an ETag or Last-Modified is known (304 -> not_modified), following
    redirects hop by hop within `reach` (default: `url` was written by a person, Reach.trusting), all
    within settings.fetch_deadline seconds."""
    if reach is None:
        reach = Reach.trusting(url)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    fetched_at, started = utc_now(), time.perf_counter()

    def result(outcome: str, **kw) -> FetchResult:
        return FetchResult(url=url, final_url=kw.pop("final_url", url), outcome=outcome,
                           fetched_at=fetched_at, elapsed_ms=(time.perf_counter() - started) * 1000, **kw)

    gate = host_gate(settings.host_concurrency, settings.max_connections, settings.host_interval)
    timeout = (settings.connect_timeout, settings.read_timeout)
    hop = url
    with watched(settings.fetch_deadline) as watch:
        try:
            for _ in range(settings.max_redirects + 1):
                if reason := reach.refusal(hop):
                    return result(REFUSED, final_url=hop, error=f"refused {hop}: {reason}")
                watch.peer_refusal = None if reach.trusts(hop) else partial(reach.peer_refusal, hop)
                with gate.slot(hop), session.get(hop, headers=headers, stream=True, timeout=timeout,
                                                 allow_redirects=False) as response:
                    if target := session.get_redirect_target(response):
                        _release(response)
                        hop = urljoin(hop, target)
                        continue
                    meta = {"final_url": hop, "status_code": response.status_code,
                            "content_type": response.headers.get("Content-Type"),
                            "content_encoding": response.headers.get("Content-Encoding"),
                            "etag": response.headers.get("ETag"),
                            "last_modified": response.headers.get("Last-Modified")}
                    if response.status_code == 304:
                        _release(response)
                        return result(NOT_MODIFIED, **meta)
                    if response.status_code >= 400:
                        _release(response)
                        return result(HTTP_ERROR, error=f"HTTP {response.status_code} {response.reason} "
                                                        f"from {hop}", **meta)
                    body = _read_capped(response, settings.max_body_bytes)
                    if watch.expired:  # the shut-down socket may have looked like the end of the body
                        raise DeadlineExceeded
                    if body is None:
                        return result(TOO_LARGE, error=f"body over {settings.max_body_bytes} bytes at {hop}",
                                      **meta)
                    return result(OK, body=body, **meta)
            return result(NETWORK_ERROR, final_url=hop,
                          error=f"more than {settings.max_redirects} redirects from {url}")
        except Refused as exc:
            return result(REFUSED, final_url=hop, error=f"refused {hop}: {exc}")
        except (DeadlineExceeded, requests.RequestException) as exc:
            if watch.expired:
                return result(NETWORK_ERROR, final_url=hop,
                              error=f"no complete answer from {hop} within fetch_deadline "
                                    f"{settings.fetch_deadline:g} s")
            return result(NETWORK_ERROR, final_url=hop, error=f"{type(exc).__name__} fetching {hop}: {exc}")
        except ValueError as exc:  # a Location that is not a URL ("http://[::1")
            return result(NETWORK_ERROR, final_url=hop, error=f"bad URL after {hop}: {exc}")


def fetch_file(url: str, settings: Settings) -> FetchResult:
    """Read a file:// URL with no host from disk: a regular file only (not a FIFO, device or folder), at
    most settings.max_body_bytes."""
    fetched_at, started = utc_now(), time.perf_counter()
    path = local_path(url)

    def result(outcome: str, **kw) -> FetchResult:
        return FetchResult(url=url, final_url=url, outcome=outcome, fetched_at=fetched_at,
                           elapsed_ms=(time.perf_counter() - started) * 1000, **kw)

    if urlsplit(url).netloc:
        return result(REFUSED, error=f"refused {url}: a file URL names a file on this machine, not on a host")
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; fstat then tells what was opened
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return result(MISSING, error=f"file not found: {path}")
    except OSError as exc:
        return result(MISSING, error=f"cannot read {path}: {exc}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return result(REFUSED, error=f"refused {url}: not a regular file")
        if info.st_size > settings.max_body_bytes:
            return result(TOO_LARGE, error=f"file over {settings.max_body_bytes} bytes: {path}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            body = handle.read(settings.max_body_bytes + 1)  # it may have grown since fstat
    except OSError as exc:
        return result(MISSING, error=f"cannot read {path}: {exc}")
    finally:
        os.close(fd)
    if len(body) > settings.max_body_bytes:
        return result(TOO_LARGE, error=f"file over {settings.max_body_bytes} bytes: {path}")
    return result(OK, body=body)


def refused(url: str, reason: str) -> FetchResult:
    """A fetch we decided not to make (private address, robots.txt): recorded, never attempted."""
    return FetchResult(url=url, final_url=url, outcome=REFUSED, fetched_at=utc_now(), elapsed_ms=0.0,
                       error=f"refused {url}: {reason}")


def is_file_url(url: str) -> bool:
    try:
        return urlsplit(url).scheme.lower() == "file"
    except ValueError:  # "http://[::1": not a URL at all
        return False


def fetch(session: requests.Session, url: str, settings: Settings, etag: str | None = None,
          last_modified: str | None = None, reach: Reach | None = None) -> FetchResult:
    """A file:// URL from disk, anything else over HTTP within `reach` (see fetch_http). The caller decides
    whether a file:// URL may be read: a source in sources.toml, or a local source's own page."""
    if is_file_url(url):
        return fetch_file(url, settings)
    return fetch_http(session, url, settings, etag, last_modified, reach)
