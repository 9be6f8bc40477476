"""Fetching: http(s) with requests, file:// from disk. Every outcome is a FetchResult, never an
exception: a fetch that failed is data (it goes to the `fetches` table and feed health), and it must not
stop the other sources.

Retries are network work only: urllib3's Retry retries connection errors, timeouts, 429 and 5xx with
exponential backoff and jitter, and honours Retry-After. Every request passes the process's HostGate
(flows/politeness.py): bounded per host and in all, with a minimum interval per host. Redirects are
followed at most `max_redirects` times and the final URL is kept; bodies are read up to `max_body_bytes`
after decompression (so a gzip bomb is cut, not inflated).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from flows.politeness import host_gate
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

    @property
    def ok(self) -> bool:
        return self.outcome == OK


ACCEPT_ENCODING = "gzip, deflate, br"  # br decoded by urllib3 with the brotli package


def make_session(settings: Settings) -> requests.Session:
    """A session with the project's User-Agent and retry policy, shared by the fetches of one task."""
    retry = Retry(
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
    session.max_redirects = settings.max_redirects
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=max(settings.page_workers, 4))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": settings.user_agent,
                            "Accept-Encoding": ACCEPT_ENCODING})
    return session


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
               last_modified: str | None = None) -> FetchResult:
    """GET `url`, conditionally when an ETag or Last-Modified is known (304 -> not_modified)."""
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
    try:
        with gate.slot(url), session.get(url, headers=headers, stream=True, timeout=timeout) as response:
            meta = {"final_url": response.url, "status_code": response.status_code,
                    "content_type": response.headers.get("Content-Type"),
                    "content_encoding": response.headers.get("Content-Encoding"),
                    "etag": response.headers.get("ETag"),
                    "last_modified": response.headers.get("Last-Modified")}
            if response.status_code == 304:
                return result(NOT_MODIFIED, **meta)
            if response.status_code >= 400:
                return result(HTTP_ERROR, error=f"HTTP {response.status_code} {response.reason} from {url}",
                              **meta)
            body = _read_capped(response, settings.max_body_bytes)
            if body is None:
                return result(TOO_LARGE, error=f"body over {settings.max_body_bytes} bytes at {url}", **meta)
            return result(OK, body=body, **meta)
    except requests.RequestException as exc:
        return result(NETWORK_ERROR, error=f"{type(exc).__name__} fetching {url}: {exc}")


def fetch_file(url: str, settings: Settings) -> FetchResult:
    """Read a file:// URL from disk."""
    fetched_at, started = utc_now(), time.perf_counter()
    path = local_path(url)

    def result(outcome: str, **kw) -> FetchResult:
        return FetchResult(url=url, final_url=url, outcome=outcome, fetched_at=fetched_at,
                           elapsed_ms=(time.perf_counter() - started) * 1000, **kw)

    try:
        size = path.stat().st_size
        if size > settings.max_body_bytes:
            return result(TOO_LARGE, error=f"file over {settings.max_body_bytes} bytes: {path}")
        return result(OK, body=path.read_bytes())
    except FileNotFoundError:
        return result(MISSING, error=f"file not found: {path}")
    except OSError as exc:
        return result(MISSING, error=f"cannot read {path}: {exc}")


def refused(url: str, reason: str) -> FetchResult:
    """A fetch we decided not to make (private address, robots.txt): recorded, never attempted."""
    return FetchResult(url=url, final_url=url, outcome=REFUSED, fetched_at=utc_now(), elapsed_ms=0.0,
                       error=f"refused {url}: {reason}")


def fetch(session: requests.Session, url: str, settings: Settings, etag: str | None = None,
          last_modified: str | None = None) -> FetchResult:
    if url.startswith("file:"):
        return fetch_file(url, settings)
    return fetch_http(session, url, settings, etag, last_modified)
