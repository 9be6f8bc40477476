"""The stateless part of a run: a shard is a batch of feeds, read through a Fetcher (fetch/fetchers.py):
fetch and land each feed or listing page, parse its items, then fetch, land and parse the article pages of
the items not already loaded under the same title. A shard needs no warehouse state beyond its keys: its
feeds, their validators and the titles already loaded (which only spare work: a stale one fetches a page
again, and the merge decides what is new against fresh state). One feed that cannot be fetched or parsed
is recorded in its FeedResult and never stops the others.

A shard given a spaCy model (`ner_model`: when it runs on a worker, settings.ner_in_shards) also reads
the entities of each feed's new texts and returns their spans keyed by text (`FeedResult.ner_spans`), so
NER spreads over the workers' machines; the run's NerPool is seeded with them (flows/ingest.py EarlyNer).
Which texts are new is approximated here, without the warehouse: the articles of the items whose URL is
not known under the same title; the merge reads any text it finds new that no shard read.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

import polars as pl

from fetch.fetchers import Fetcher, Landed, Validators
from fetch.http import NOT_MODIFIED, OK, FetchResult
from flows.ner import KeyedSpans, keyed_spans
from newsetl import progress as progress_bars
from newsetl.config import Feed
from transforms.dedupe import KNOWN_SCHEMA
from transforms.entities import ner_inputs
from transforms.feeds import (
    FeedParseError,
    parse_feed,
    parse_feed_with_warning,
    parse_json_feed,
    parse_news_sitemap,
)
from transforms.items import split_rejected
from transforms.listing import cards_warning, parse_listing_page
from transforms.outlets import ALIAS_SCHEMA
from transforms.pages import PAGE_SCHEMA, PageParseError, parse_article_pages
from transforms.tables import build_article_tables, feed_items, listing_items, unseen_or_retitled

PARSE_ERROR = "parse_error"
NO_ITEMS = "no_items"  # a listing page fetched and read, on which no card was found
NO_CARDS = ("no cards found: no link on the page reads as a headline (three words or more, to an http(s) "
            "page) and no script holds an ItemList or card data; if the page has cards, give `selectors` "
            "for it in the sources file")
FEED_PARSERS = {"rss": parse_feed, "atom": parse_feed, "jsonfeed": parse_json_feed,
                "sitemap": parse_news_sitemap}
# the stages shown as progress bars on a terminal (newsetl.progress)
FETCH_STAGE, PARSE_STAGE, PAGES_STAGE = "fetch feeds", "parse feeds", "fetch article pages"
# article pages of one feed fetched and parsed at a time: the bodies a feed has in hand
PAGES_AT_ONCE = 100
# a feed's article page fetches as the run keeps them until its fetch log is written: a frame, not a
# FetchResult a page (about 1.4 KB each as Python objects: 28 MB through a 20,000-page run; issue 15)
PAGE_LOG_SCHEMA = {
    "url": pl.String, "final_url": pl.String, "status_code": pl.Int32, "outcome": pl.String,
    "error": pl.String, "content_sha256": pl.String, "content_type": pl.String,
    "content_encoding": pl.String, "etag": pl.String, "last_modified": pl.String, "bytes": pl.Int64,
    "elapsed_ms": pl.Float64, "fetched_at": pl.Datetime("us"),
}


@dataclass
class FeedResult:
    """What one feed gave this run: its fetch, its raw items, its article pages, and what went wrong."""

    feed: Feed
    fetch: FetchResult
    sha256: str | None = None
    items: pl.DataFrame | None = None           # the items still to load (already-loaded ones dropped)
    item_count: int = 0                         # items the feed or listing offered
    pages: pl.DataFrame | None = None
    page_log: pl.DataFrame | None = None         # its article pages' fetches (PAGE_LOG_SCHEMA), bodies landed
    pages_ok: int = 0                            # of those, the pages fetched and parsed
    pages_failed: int = 0                        # and the others (page_counts: what the run summary says)
    error: str | None = None
    rejected: pl.DataFrame | None = None        # items skipped at parsing (REJECTED_SCHEMA): link, reason
    warning: str | None = None                  # what the feed parse had to be lenient about
    no_items: bool = False                      # a listing page on which no card was found (error says why)
    ner_spans: KeyedSpans | None = None         # spans of its new texts, read by the shard (None: not read)

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def outcome(self) -> str:
        if self.fetch.outcome == OK and self.failed:
            return NO_ITEMS if self.no_items else PARSE_ERROR
        return self.fetch.outcome


@dataclass(frozen=True)
class Shard:
    """The keys of one shard: its feeds, each with its validators (None: fetch in full)."""

    feeds: tuple[Feed, ...]
    validators: tuple[Validators | None, ...]


def read_shard(shard: Shard, fetcher: Fetcher, known_titles: pl.DataFrame, max_connections: int,
               logger: logging.Logger | logging.LoggerAdapter,
               on_feed: Callable[[FeedResult], None] | None = None,
               ner_model: str | None = None) -> list[FeedResult]:
    """Fetch and parse the feeds of `shard` concurrently, then fetch and parse their article pages, one
    feed after the other (each fetches its pages concurrently; the per-host gate bounds the load). No body
    is kept once landed and parsed. `on_feed`, when the shard runs in the flow's own process, is handed
    each feed's result as soon as its pages are read (the run's NER starts on them). `ner_model`: each
    feed's new texts are read by this spaCy model here, in a thread of the shard, while the next feed's
    pages are fetched; their spans are kept in its result (handed to `on_feed` once read)."""
    with ThreadPoolExecutor(max(1, min(len(shard.feeds), max_connections))) as pool:
        fetched = deque(pool.map(lambda pair: fetch_feed(*pair, fetcher, logger),
                                 zip(shard.feeds, shard.validators, strict=True)))
    # each body let go of once parsed, each feed's items once its pages are read: a shard of large feeds
    # (1,000 items each) held every feed's body and items until its last feed was read
    parsed: deque[FeedResult] = deque()
    while fetched:
        parsed.append(without_body(parse_fetched(fetched.popleft(), logger)))

    def hand_on(read: FeedResult) -> FeedResult:
        if on_feed is not None:
            on_feed(read)
        return read

    def read_entities(read: FeedResult) -> FeedResult:
        return hand_on(with_ner_spans(read, known_titles, ner_model, logger))

    results: list[FeedResult | Future] = []
    with ThreadPoolExecutor(1, thread_name_prefix="shard-ner") as ner:
        while parsed:
            read = fetch_pages_of_feed(parsed.popleft(), fetcher, known_titles, logger)
            results.append(hand_on(read) if ner_model is None else ner.submit(read_entities, read))
        return [r.result() if isinstance(r, Future) else r for r in results]


def new_texts(result: FeedResult, known_titles: pl.DataFrame) -> list[str]:
    """The texts NER will be asked for (transforms.entities.ner_inputs) of the feed's articles whose item
    URL is not known under the same title: built as the merge builds them, against no stored article."""
    if result.items is None:
        return []
    items = unseen_or_retitled(result.items, known_titles)
    if items.is_empty():
        return []
    pages = result.pages if result.pages is not None else pl.DataFrame(schema=PAGE_SCHEMA)
    articles = build_article_tables(items, pages, pl.DataFrame(schema=ALIAS_SCHEMA),
                                    pl.DataFrame(schema=KNOWN_SCHEMA)).articles
    return ner_inputs(articles)


def with_ner_spans(result: FeedResult, known_titles: pl.DataFrame, model: str, logger) -> FeedResult:
    """The feed's result with the spans of its new texts, read here. A failure only leaves them to the
    run's NER (which isolates a text NER fails on): it never fails the feed."""
    try:
        texts = new_texts(result, known_titles)
        spans = keyed_spans(model, texts) if texts else ()
    except Exception as exc:  # noqa: BLE001 - only work moved: the merge reads these texts itself
        logger.warning("%s: entities not read in the shard (the run reads them): %s: %s",
                       result.feed.name, type(exc).__name__, exc)
        return result
    logger.info("%s: entities of %d new texts read", result.feed.name, len(spans))
    return replace(result, ner_spans=spans)


def without_body(result: FeedResult) -> FeedResult:
    """A feed's result once its feed or listing page is parsed: the body dropped, its byte count kept."""
    return replace(result, fetch=result.fetch.without_body())


def fetch_feed(feed: Feed, validators: Validators | None, fetcher: Fetcher, logger) -> FeedResult:
    """Fetch one feed or listing page and land its body. A body identical to the last one loaded counts
    as not modified (files, servers without validators), so it is not parsed again."""
    result, sha = fetcher.feed(feed, validators)
    last_sha = validators[2] if validators else None
    if result.ok and last_sha is not None and sha == last_sha:
        result = replace(result, outcome=NOT_MODIFIED)
    if result.ok:
        logger.info("fetched %s (%s bytes)", feed.name, len(result.body or b""))
    elif result.outcome == NOT_MODIFIED:
        logger.debug("%s not modified since last run", feed.name)
    else:
        logger.warning("%s: %s", feed.name, result.error)
    progress_bars.advance(FETCH_STAGE)
    return FeedResult(feed=feed, fetch=result, sha256=sha,
                      error=None if result.ok or result.outcome == NOT_MODIFIED else result.error)


def parse_fetched(fetched: FeedResult, logger) -> FeedResult:
    """Raw items of a fetched feed or listing page; a body that does not parse fails this feed only."""
    progress_bars.advance(PARSE_STAGE)
    if not fetched.fetch.ok:
        return fetched
    feed, result = fetched.feed, fetched.fetch
    warning = None
    try:
        if feed.kind == "listing":
            cards = parse_listing_page(result.body, result.final_url, feed.selectors, result.content_type)
            if cards.height == 0:
                logger.warning("%s: %s", feed.name, NO_CARDS)
                return replace(fetched, error=f"{feed.url}: {NO_CARDS}", no_items=True)
            warning = cards_warning(cards)
            items = listing_items(cards, feed.feed_id, result.fetched_at,
                                  feed.relative_times_from(result.fetched_at))
        else:
            if feed.kind in ("rss", "atom"):
                parsed, warning = parse_feed_with_warning(result.body, result.final_url)
            else:
                parsed = FEED_PARSERS.get(feed.kind, parse_feed)(result.body, result.final_url)
            items = feed_items(parsed, feed.feed_id, feed.outlet or "", result.fetched_at)
    except (FeedParseError, PageParseError) as exc:
        logger.warning("%s: %s", feed.name, exc)
        return replace(fetched, error=f"{feed.url}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a body or selector no parser copes with fails this feed only
        logger.warning("%s: cannot be parsed: %s: %s", feed.name, type(exc).__name__, exc)
        return replace(fetched, error=f"{feed.url}: cannot be parsed: {type(exc).__name__}: {exc}")
    offered = items.height
    items, rejected = split_rejected(items)
    for row in rejected.head(5).iter_rows(named=True):
        logger.warning("%s: item skipped: %s: %s", feed.name, row["item_url"], row["reason"])
    logger.info("parsed %s: %d items (%d skipped)", feed.name, offered, rejected.height)
    if warning:
        logger.warning("%s: parsed with warnings: %s", feed.name, warning)
    return replace(fetched, items=items, item_count=offered, rejected=rejected, warning=warning)


def fetch_pages_of_feed(parsed: FeedResult, fetcher: Fetcher, known_titles: pl.DataFrame,
                        logger) -> FeedResult:
    """Fetch, land and parse the article page of each item of one feed. An item already loaded from this
    URL under the same title is dropped: its page is not fetched again. A new title means the article was
    edited: its page is fetched again for the new version."""
    progress_bars.advance(PAGES_STAGE)
    if parsed.items is None or not parsed.feed.follow_links:
        return parsed
    items = parsed.items if parsed.feed.force else unseen_or_retitled(parsed.items, known_titles)
    links = items["item_url"].drop_nulls().unique(maintain_order=True).to_list()
    page_frames, logs = [], []
    for start in range(0, len(links), PAGES_AT_ONCE):  # a feed's bodies in hand: PAGES_AT_ONCE at most
        frame, landed = read_pages(parsed.feed, links[start:start + PAGES_AT_ONCE], fetcher)
        page_frames.append(frame)
        logs.append(page_log_rows(landed))
    pages = pl.concat(page_frames) if page_frames else pl.DataFrame(schema=PAGE_SCHEMA)
    log = pl.concat(logs) if logs else pl.DataFrame(schema=PAGE_LOG_SCHEMA)
    failed = log.filter(pl.col("outcome") != OK)
    unparseable = failed.filter(pl.col("outcome") == PARSE_ERROR).height
    logger.info("%s: %d article pages fetched, %d not fetched, %d unparseable",
                parsed.feed.name, log.height - failed.height + unparseable, failed.height - unparseable,
                unparseable)
    for error in failed.filter(pl.col("outcome") != PARSE_ERROR)["error"].head(5):
        logger.warning("%s: %s", parsed.feed.name, error)
    return replace(parsed, items=items, pages=pages, page_log=log, pages_ok=log.height - failed.height,
                   pages_failed=failed.height)


def fetch_log_row(r: FetchResult, sha: str | None) -> dict:
    """A fetch as a row of PAGE_LOG_SCHEMA (`sha`: the SHA-256 of its landed body)."""
    return {"url": r.url, "final_url": r.final_url, "status_code": r.status_code, "outcome": r.outcome,
            "error": r.error, "content_sha256": sha, "content_type": r.content_type,
            "content_encoding": r.content_encoding, "etag": r.etag, "last_modified": r.last_modified,
            "bytes": r.body_bytes, "elapsed_ms": r.elapsed_ms, "fetched_at": r.fetched_at}


def page_log_rows(landed: list[Landed]) -> pl.DataFrame:
    """Rows of PAGE_LOG_SCHEMA for article page fetches (each with the SHA-256 of its landed body)."""
    return pl.DataFrame([fetch_log_row(r, sha) for r, sha in landed], schema=PAGE_LOG_SCHEMA)


def page_counts(result: FeedResult) -> dict[str, int]:
    """A feed's article pages fetched well (`pages`) and not (`pages_failed`), for the run summary: counted
    when they were read (the page log itself waits for the merge on disk: flows/spill.py)."""
    return {"pages": result.pages_ok, "pages_failed": result.pages_failed}


def read_pages(feed: Feed, links: list[str], fetcher: Fetcher) -> tuple[pl.DataFrame, list[Landed]]:
    """Fetch, land and parse the article pages at `links`: their rows, and each fetch without its body
    (an unparseable page marked PARSE_ERROR with the reason)."""
    landed = fetcher.pages(feed, links)
    pages, errors = parse_article_pages([(r.url, r.body, r.content_type) for r, _ in landed if r.ok])
    errors_by_url = dict(errors)
    return pages, [((replace(r, outcome=PARSE_ERROR, error=errors_by_url[r.url])
                     if r.url in errors_by_url else r).without_body(), sha) for r, sha in landed]
