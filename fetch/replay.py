"""Replaying fetches from the raw store, for `newsetl reprocess`: the snapshot client beside the live one
(fetch/http.py). One ReplayIndex stands for one recorded run: each URL that run fetched gives back its
fetch as it was recorded (the same body, final URL and fetch time), so the transforms produce the same rows
as that run did, with no network at all. `reprocess` replays every recorded run in order
(flows/ingest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from fetch import raw_store
from fetch.http import MISSING, OK, FetchResult
from store import sql_text


@dataclass(frozen=True)
class RecordedFetch:
    final_url: str
    status_code: int | None
    content_type: str | None
    sha256: str
    fetched_at: datetime
    elapsed_ms: float


@dataclass(frozen=True)
class ReplayIndex:
    raw_root: Path
    fetches: dict[str, RecordedFetch]
    feeds: dict[str, str]          # feed_id -> URL of the feed or listing page fetched by the run

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, raw_root: Path, run_id: str) -> ReplayIndex:
        """The successful fetches of the recorded run `run_id`."""
        rows = con.execute(sql_text("read/replay_fetches.sql"), {"run_id": run_id}).fetchall()
        return cls(raw_root, {url: RecordedFetch(*rest) for url, _, _, *rest in rows},
                   {feed_id: url for url, feed_id, purpose, *_ in rows if purpose in ("feed", "listing")})

    def fetch(self, url: str) -> FetchResult:
        """The recorded fetch of `url` with its body from the raw store, or `missing` if none was kept."""
        recorded = self.fetches.get(url)
        if recorded is None:
            return FetchResult(url=url, final_url=url, outcome=MISSING, fetched_at=datetime.min,
                               elapsed_ms=0.0, error=f"no recorded fetch of {url} to replay")
        try:
            body = raw_store.read(self.raw_root, recorded.sha256)
        except (OSError, ValueError) as exc:
            return FetchResult(url=url, final_url=recorded.final_url, outcome=MISSING,
                               fetched_at=recorded.fetched_at, elapsed_ms=0.0,
                               error=f"raw body {recorded.sha256} of {url} unreadable: {exc}")
        return FetchResult(url=url, final_url=recorded.final_url, outcome=OK, fetched_at=recorded.fetched_at,
                           elapsed_ms=recorded.elapsed_ms, status_code=recorded.status_code,
                           body=body, content_type=recorded.content_type)
