"""A run's parsed rows on disk between the stateless part and the merge, and the merge's chunks (issue 15: a
run's memory does not grow with its batch).

Each feed's items, article pages and page fetch log are written to files (Arrow IPC) as soon as the feed is
read, and let go; the merge takes them back a chunk of feeds at a time (`merge_chunks`,
`SpilledRows.restored`, `SpilledRows.with_page_log`), so the flow process holds one chunk's texts and fetch
log, not the run's. The files live in a temporary folder beside the warehouse (a run's rows can be far
bigger than a temp file system in memory) and go with the run.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import polars as pl

from flows.shards import FeedResult


class FeedFiles(NamedTuple):
    """Where one feed's spilled frames are (None: it had none, or none with rows)."""

    items: Path | None = None
    pages: Path | None = None
    page_log: Path | None = None


class SpilledRows:
    """Where the feeds' rows of one run wait for the merge. Called with each feed's result as it is read
    (from shard threads, each feed once or more): `then` sees the rows first (EarlyNer reads their texts),
    then they go to disk and the result keeps empty frames of the same columns (a result's `items is not
    None` still says its feed had a body; its page counts stay). A plain class: Prefect passes it to a
    shard task as is."""

    def __init__(self, folder: Path, then: Callable[[FeedResult], None] | None = None) -> None:
        self.folder, self.then = folder, then
        self._files: dict[str, FeedFiles] = {}                         # feed_id -> its files
        self._items: dict[str, int] = {}                               # feed_id -> items spilled
        self._kept: dict[str, FeedResult] = {}                         # feed_id -> the result spilled
        self._written = 0
        self._lock = threading.Lock()

    def __call__(self, result: FeedResult) -> None:
        if self.then is not None:
            self.then(result)
        self.keep(result)

    def keep(self, result: FeedResult) -> None:
        """Write the result's items, pages and page log to disk and let go of them (the result is changed in
        place: the shard and the run's progress list hold the same object). The same result met again is left
        alone; another result of the same feed (its shard run again after a failure) replaces it."""
        feed_id = result.feed.feed_id
        with self._lock:
            if self._kept.get(feed_id) is result or (result.items is None and result.pages is None
                                                     and result.page_log is None):
                return
            self._kept[feed_id] = result
            replaced = self._files.get(feed_id, FeedFiles())
            self._files[feed_id] = FeedFiles()
            self._written += 1
            number = self._written
        for path in replaced:
            if path is not None:
                path.unlink(missing_ok=True)
        items = self._write(result.items, f"{number}.items.arrow")
        pages = self._write(result.pages, f"{number}.pages.arrow")
        log = self._write(result.page_log, f"{number}.log.arrow")
        with self._lock:
            self._files[feed_id] = FeedFiles(items, pages, log)
            self._items[feed_id] = result.items.height if result.items is not None else 0
        if result.items is not None:
            result.items = result.items.clear()
        if result.pages is not None:
            result.pages = result.pages.clear()
        if result.page_log is not None:
            result.page_log = result.page_log.clear()

    def _write(self, frame: pl.DataFrame | None, name: str) -> Path | None:
        if frame is None or frame.is_empty():
            return None
        path = self.folder / name
        frame.write_ipc(path, compression="lz4")
        return path

    def items_of(self, result: FeedResult) -> int:
        """Items of the feed's result, spilled or in hand."""
        spilled = self._items.get(result.feed.feed_id)
        if spilled is not None:
            return spilled
        return result.items.height if result.items is not None else 0

    def restored(self, result: FeedResult) -> FeedResult:
        """The result with its rows read back from disk (a copy: the one the run holds stays empty); not its
        page log (with_page_log)."""
        items, pages, _ = self._files.get(result.feed.feed_id, FeedFiles())
        if items is None and pages is None:
            return result
        return replace(result,
                       items=pl.read_ipc(items) if items is not None else result.items,
                       pages=pl.read_ipc(pages) if pages is not None else result.pages)

    def with_page_log(self, result: FeedResult) -> FeedResult:
        """The result with its page log read back from disk (a copy), for the fetch log the run loads."""
        log = self._files.get(result.feed.feed_id, FeedFiles()).page_log
        return result if log is None else replace(result, page_log=pl.read_ipc(log))

    def drop(self, results: list[FeedResult]) -> None:
        """Delete the rows of results the merge is done with. Their page logs stay until the run ends: a run
        that fails records the fetch log of every feed it read (with_page_log), the chunks merged before
        the failure included (they were loaded in a copy that is then dropped)."""
        for result in results:
            files = self._files.get(result.feed.feed_id, FeedFiles())
            for path in (files.items, files.pages):
                if path is not None:
                    path.unlink(missing_ok=True)


@contextmanager
def spilled_rows(beside: Path, then: Callable[[FeedResult], None] | None = None) -> Iterator[SpilledRows]:
    """A SpilledRows in a new folder beside `beside` (the warehouse's file), deleted when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=".newsetl-rows-", dir=beside.parent))
    try:
        yield SpilledRows(folder, then)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def merge_chunks(results: list[FeedResult], items_of: Callable[[FeedResult], int],
                 limit: int) -> list[list[FeedResult]]:
    """The results (in their order: by feed_id) in consecutive chunks of whole feeds of at most `limit`
    items (NEWSETL_MERGE_CHUNK_ITEMS), a feed with more a chunk of its own; always one chunk at least (a
    re-poll's feeds with no item are merged as one). Depends only on the input and the limit, so the same
    input is merged in the same chunks."""
    chunks: list[list[FeedResult]] = [[]]
    held = 0
    for result in results:
        count = items_of(result)
        if held and held + count > limit:
            chunks.append([])
            held = 0
        chunks[-1].append(result)
        held += count
    return chunks
