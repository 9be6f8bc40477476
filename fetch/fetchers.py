"""The fetch layer: how a run gets the bytes of its feeds and article pages. One Fetcher is chosen per run:

- `LiveFetcher`: HTTP (fetch/http.py: per-host gate, retries, size and time limits, a Reach checked at every
  redirect hop), robots.txt for article pages, and every body landed in the raw store under its SHA-256;
- `ReplayFetcher`: the recorded fetches of one run, read back from the raw store (fetch/replay.py), for
  `newsetl reprocess`: no network at all.

Either gives a fetch and the SHA-256 of its landed body (None when nothing was landed: a replay lands
nothing new). The rest of a run does not know which one it has.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from fetch import raw_store
from fetch.http import FetchResult, fetch, is_file_url, refused, shared_session
from fetch.politeness import Reach, parse_robots, robots_url
from fetch.replay import ReplayIndex
from newsetl.config import Feed, Settings, local_path

Validators = tuple[str | None, str | None, str | None]  # etag, last-modified, SHA-256 of the last body
Landed = tuple[FetchResult, str | None]                  # a fetch and the SHA-256 of its landed body


class Fetcher(Protocol):
    def feed(self, feed: Feed, validators: Validators | None) -> Landed:
        """The feed or listing page of `feed`: a conditional GET when validators are known."""

    def pages(self, feed: Feed, urls: list[str]) -> list[Landed]:
        """The article pages at `urls`, found in `feed`'s items, in the order of `urls`."""


@dataclass(frozen=True)
class LiveFetcher:
    settings: Settings
    robots: RobotsRules = field(default_factory=lambda: RobotsRules(), compare=False, repr=False)

    def feed(self, feed: Feed, validators: Validators | None) -> Landed:
        etag, last_modified, _ = validators or (None, None, None)
        result = fetch(shared_session(self.settings), feed.url, self.settings, etag, last_modified,
                       Reach.trusting(feed.url, feed.allow_private_hosts))
        return result, self._land(result)

    def pages(self, feed: Feed, urls: list[str]) -> list[Landed]:
        if not urls:
            return []
        with ThreadPoolExecutor(min(self.settings.page_workers, len(urls))) as pool:
            guard = PageGuard(feed, shared_session(self.settings), self.settings, self.robots)
            results = list(pool.map(guard.fetch_page, urls))
        return [(r, self._land(r)) for r in results]

    def _land(self, result: FetchResult) -> str | None:
        return raw_store.land(self.settings.raw_root, result.body) if result.body is not None else None


@dataclass(frozen=True)
class ReplayFetcher:
    index: ReplayIndex

    def feed(self, feed: Feed, validators: Validators | None) -> Landed:
        return self.index.fetch(feed.url), None

    def pages(self, feed: Feed, urls: list[str]) -> list[Landed]:
        return [(self.index.fetch(url), None) for url in urls]


class RobotsRules:
    """The robots.txt rules of each host, read once per fetcher (one run, or one shard on a worker),
    however many feeds or groups of pages ask; a host's rules are read within the Reach of the feed that
    asks (so they are kept apart by whether private addresses may be reached)."""

    def __init__(self) -> None:
        self._rules: dict[tuple[str, bool], object] = {}
        self._locks: dict[tuple[str, bool], threading.Lock] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:  # a fetcher sent to a worker elsewhere starts with no rules read
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__()

    def get(self, key: tuple[str, bool], read):
        """The rules under `key`, from `read()` the first time (one reader per host at a time)."""
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._rules:
                self._rules[key] = read()
            return self._rules[key]


class PageGuard:
    """Whether an article link of one feed may be fetched, and its fetch. A link found in data is http(s)
    (scheme in any case) and reaches no private network (unless the feed allows it) and no cloud metadata
    address, on any redirect hop or connection (Reach); it is not against the host's robots.txt (unless the
    feed ignores it): robots.txt is fetched once per host per fetcher (RobotsRules), within the same Reach.
    The one file:// link followed is a local feed's own page: a file in its folder (the bundled sample
    site), never a file elsewhere or on a "host"."""

    def __init__(self, feed: Feed, session, settings: Settings, robots: RobotsRules | None = None) -> None:
        self.feed, self.session, self.settings = feed, session, settings
        self.reach = Reach(allow_private=feed.allow_private_hosts)
        self.robots = robots if robots is not None else RobotsRules()

    def _robots_for(self, url: str):
        where = robots_url(url)

        def read():
            answer = self.fetch(where)
            return parse_robots(answer.body, answer.status_code)

        return self.robots.get((where, self.feed.allow_private_hosts), read)

    def fetch(self, url: str) -> FetchResult:
        return fetch(self.session, url, self.settings, reach=self.reach)

    def fetch_page(self, url: str) -> FetchResult:
        """One article page, unless the guard refuses it; a link that makes the guard or the fetcher raise
        is recorded as refused with the reason: it fails that page only, never its feed or the run."""
        try:
            return self.refusal(url) or self.fetch(url)
        except Exception as exc:  # noqa: BLE001 - one hostile link fails itself
            return refused(url, f"cannot fetch this link: {type(exc).__name__}: {exc}")

    def refusal(self, url: str) -> FetchResult | None:
        if is_file_url(url):
            return None if in_folder_of(url, self.feed) else refused(
                url, "a file link is followed only from a local source, to a file in its folder")
        if reason := self.reach.refusal(url):
            return refused(url, reason)
        if self.feed.respect_robots and not self._robots_for(url).can_fetch(self.settings.user_agent, url):
            return refused(url, "disallowed by robots.txt")
        return None


def in_folder_of(url: str, feed: Feed) -> bool:
    """Whether a file:// link is a page of a local feed: a file URL without a host whose real path (links
    followed) is inside the real folder of the feed's own file."""
    if not (feed.is_local and is_file_url(url)) or urlsplit(url).netloc:
        return False
    folder = local_path(feed.url).resolve().parent
    return local_path(url).resolve().is_relative_to(folder)
