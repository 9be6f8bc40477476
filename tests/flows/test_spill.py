"""A run's rows on disk between the stateless part and the merge, and the merge's chunks (flows/spill.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import polars as pl

from fetch.http import OK, FetchResult
from flows.ingest import fetch_rows
from flows.shards import PAGE_LOG_SCHEMA, FeedResult, page_counts
from flows.spill import merge_chunks, spilled_rows
from newsetl.config import Feed
from transforms.pages import PAGE_SCHEMA
from transforms.tables import RAW_ITEM_SCHEMA


def result(name: str, items: int, pages: int | None = None) -> FeedResult:
    feed = Feed(name=name, kind="rss", url=f"http://127.0.0.1:9/{name}.xml")
    fetch = FetchResult(url=feed.url, final_url=feed.url, outcome=OK, fetched_at=datetime(2026, 11, 28, 12),
                        elapsed_ms=1.0)
    rows = pl.DataFrame({"feed_id": [feed.feed_id] * items,
                         "item_url": [f"http://127.0.0.1:9/{name}/{i}" for i in range(items)]},
                        schema={"feed_id": pl.String, "item_url": pl.String}).with_columns(
        *(pl.lit(None, kind).alias(c) for c, kind in RAW_ITEM_SCHEMA.items()
          if c not in ("feed_id", "item_url")))
    page_rows = None if pages is None else pl.DataFrame(
        {"page_url": [f"http://127.0.0.1:9/{name}/{i}" for i in range(pages)],
         "body": ["text ’ of a page " * 50] * pages}).with_columns(
        *(pl.lit(None, kind).alias(c) for c, kind in PAGE_SCHEMA.items() if c not in ("page_url", "body")))
    return FeedResult(feed=feed, fetch=fetch, items=rows.select(list(RAW_ITEM_SCHEMA)), item_count=items,
                      pages=None if page_rows is None else page_rows.select(list(PAGE_SCHEMA)))


def test_a_feeds_rows_wait_on_disk_and_come_back_as_they_were(tmp_path):
    beside = tmp_path / "news.duckdb"
    one, two, empty = result("one", 3, pages=2), result("two", 5), FeedResult(
        feed=Feed(name="down", kind="rss", url="http://127.0.0.1:9/down.xml"),
        fetch=FetchResult(url="u", final_url="u", outcome="network_error", fetched_at=datetime(2026, 1, 1),
                          elapsed_ms=1.0))
    items, pages = one.items.clone(), one.pages.clone()
    seen = []
    with spilled_rows(beside, then=lambda r: seen.append(r.item_count)) as rows:
        folder = rows.folder
        assert folder.parent == tmp_path and folder.name.startswith(".newsetl-rows-")
        for r in (one, two, empty):
            rows(r)
        assert seen == [3, 5, 0]  # `then` is handed each result first (EarlyNer reads the rows)
        # let go: empty frames of the same columns, so `items is not None` still says the feed had a body
        assert one.items.is_empty() and one.items.schema == items.schema and one.pages.is_empty()
        assert empty.items is None and rows.restored(empty) is empty
        assert [rows.items_of(r) for r in (one, two, empty)] == [3, 5, 0]
        rows(one)  # met again (a shard's feed handed on twice): its files are kept as they were
        back = rows.restored(one)
        assert back.items.equals(items) and back.pages.equals(pages)
        assert one.items.is_empty()  # the run's own result stays empty: the merge reads a copy
        files = sorted(p.name for p in folder.iterdir())
        assert files == ["1.items.arrow", "1.pages.arrow", "2.items.arrow"]
        # another result of a feed (its shard read again after a failure) replaces the first's rows
        two_again = result("two", 4)
        rows(two_again)
        assert rows.items_of(two) == 4 and rows.restored(two_again).items.height == 4
        assert sorted(p.name for p in folder.iterdir()) == ["1.items.arrow", "1.pages.arrow", "3.items.arrow"]
        rows.drop([one, two_again])
        assert not list(folder.iterdir())
    assert not folder.exists()  # the run's rows go with it


def test_chunks_are_whole_feeds_in_order_up_to_the_limit():
    results = [result(name, items) for name, items in (("a", 3), ("b", 4), ("c", 10), ("d", 1), ("e", 0))]
    items_of = lambda r: r.items.height  # noqa: E731
    names = lambda chunks: [[r.feed.name for r in chunk] for chunk in chunks]  # noqa: E731
    assert names(merge_chunks(results, items_of, 7)) == [["a", "b"], ["c"], ["d", "e"]]
    assert names(merge_chunks(results, items_of, 1)) == [["a"], ["b"], ["c"], ["d", "e"]]
    assert names(merge_chunks(results, items_of, 2000)) == [["a", "b", "c", "d", "e"]]
    assert merge_chunks([], items_of, 5) == [[]]  # always one: a run with no body still loads its fetches


def test_a_feeds_page_log_waits_on_disk_until_the_run_ends_and_its_counts_stay(tmp_path):
    one = result("one", 3, pages=2)
    log = pl.DataFrame({"url": [f"http://127.0.0.1:9/one/{i}" for i in range(3)],
                        "outcome": [OK, OK, "http_error"], "bytes": [10, 20, None]},
                       schema={"url": pl.String, "outcome": pl.String, "bytes": pl.Int64}).with_columns(
        *(pl.lit(None, kind).alias(c) for c, kind in PAGE_LOG_SCHEMA.items()
          if c not in ("url", "outcome", "bytes"))).select(list(PAGE_LOG_SCHEMA))
    one = replace(one, page_log=log, pages_ok=2, pages_failed=1)
    with spilled_rows(tmp_path / "news.duckdb") as rows:
        rows(one)
        assert one.page_log.is_empty() and one.page_log.schema == log.schema  # let go of, in place
        assert page_counts(one) == {"pages": 2, "pages_failed": 1}  # the run summary's counts stay
        assert rows.restored(one).page_log.is_empty()  # the merge's rows come back without it
        assert rows.with_page_log(one).page_log.equals(log)
        assert fetch_rows("run", [rows.with_page_log(one)]).filter(pl.col("purpose") == "article").height == 3
        rows.drop([one])  # the merge is done with its rows; a failed run still records its fetch log
        assert sorted(p.name for p in rows.folder.iterdir()) == ["1.log.arrow"]
        assert rows.with_page_log(one).page_log.equals(log)
