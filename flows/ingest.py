"""The `ingest` flow: feeds -> [stateless part: fetch -> raw landing -> parse -> article pages] -> [merge,
under the ingest lock: transform against fresh state -> NER -> stories -> load -> views -> checks -> run
record -> publish].

Each feed's rows wait for the merge on disk (flows/spill.py); the merge takes them a chunk of feeds at a
time, each chunk merged against the warehouse as the chunks before it left it, all in one transaction.

The stateless part is flows/shards.py, reading through one Fetcher chosen per run (fetch/fetchers.py: live or
replay); this module only orchestrates it and does the merge. One task per shard of FEEDS_PER_SHARD feeds
or per stage, never per feed or per article: a task run costs milliseconds of API time and the API server
falls behind at thousands. Only the shard task retries; everything else fails fast. A feed that cannot be
fetched or parsed is recorded (fetches, feed health, the summary) and skipped: it never stops the others.
The load is one transaction: a crash leaves the warehouse as it was.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import duckdb
import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote  # an argument Prefect hands on without walking it (below)

import store
from fetch.fetchers import Fetcher, LiveFetcher, ReplayFetcher
from fetch.http import utc_now
from fetch.replay import ReplayIndex
from flows import executors, run_lock
from flows.flow_parameters import json_parameter_flow
from flows.ner import NerPool
from flows.shards import (
    FETCH_STAGE,
    PAGE_LOG_SCHEMA,
    PAGES_STAGE,
    PARSE_STAGE,
    FeedResult,
    Shard,
    fetch_log_row,
    page_counts,
    read_shard,
)
from flows.spill import SpilledRows, merge_chunks, spilled_rows
from newsetl import give_back_free_heap
from newsetl import progress as progress_bars
from newsetl.config import Feed, Settings, SourcesConfig, load_curation, load_sources
from transforms.dedupe import KNOWN_SCHEMA, SIGNATURE_SCHEMA
from transforms.entities import (
    KNOWN_ALIAS_SCHEMA,
    KNOWN_ENTITY_SCHEMA,
    RECENT_SCHEMA,
    as_read_by_ner,
    build_entity_tables,
    empty_entity_tables,
    ner_inputs,
    ner_texts,
)
from transforms.entity_resolution import Curation
from transforms.items import REJECTED_SCHEMA, isolate_failures, rejected_rows
from transforms.normalise import stable_id
from transforms.outlets import ALIAS_SCHEMA, configured_sources, outlet_frames, source_id_for
from transforms.pages import PAGE_SCHEMA
from transforms.stories import assign_stories
from transforms.tables import RAW_ITEM_SCHEMA, build_article_tables

RECENT_DAYS = 30  # new articles are compared with the stored articles published this recently
FEEDS_PER_SHARD = 25
# raw items are transformed in this order, not in the order they were fetched (same input, same rows)
RAW_ITEM_ORDER = ["feed_id", "item_url", "guid", "title", "published_text", "summary", "text"]
FETCH_SCHEMA = {
    "fetch_id": pl.String, "run_id": pl.String, "feed_id": pl.String, "purpose": pl.String,
    "url": pl.String, "final_url": pl.String, "status_code": pl.Int32, "outcome": pl.String,
    "error": pl.String, "content_sha256": pl.String, "content_type": pl.String,
    "content_encoding": pl.String, "etag": pl.String, "last_modified": pl.String, "bytes": pl.Int64,
    "elapsed_ms": pl.Float64, "fetched_at": pl.Datetime("us"),
}


@dataclass(frozen=True)
class WarehouseState:
    validators: dict[str, tuple[str | None, str | None, str | None]]  # feed_id -> etag, modified, sha
    known_articles: pl.DataFrame
    known_aliases: pl.DataFrame
    recent_since: datetime               # "recent" articles: published since then
    recent_signatures: pl.DataFrame      # of recent articles: near-duplicate search
    recent_entities: pl.DataFrame        # (article_id, entity_id) of recent articles: stories, evidence
    known_entities: pl.DataFrame         # entity_id, canonical_name, entity_type
    known_entity_aliases: pl.DataFrame   # entity_id, alias
    curation: Curation                   # entities.toml + recorded merge/split decisions
    page_retries: dict[str, str] = field(default_factory=dict)  # URL -> feed_id: pages due a new fetch
    feed_settings: dict[str, str] = field(default_factory=dict)  # feed_id -> settings it was last read with
    # feed_id, url, title of stored articles: each shard gets its own feeds' (their pages not fetched again)
    known_titles: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=store.KNOWN_TITLES_SCHEMA))

    @classmethod
    def empty(cls, since: datetime, curation: Curation) -> WarehouseState:
        return cls({}, pl.DataFrame(schema=KNOWN_SCHEMA), pl.DataFrame(schema=ALIAS_SCHEMA), since,
                   pl.DataFrame(schema=SIGNATURE_SCHEMA), pl.DataFrame(schema=RECENT_SCHEMA),
                   pl.DataFrame(schema=KNOWN_ENTITY_SCHEMA), pl.DataFrame(schema=KNOWN_ALIAS_SCHEMA),
                   curation)


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    status: str
    started_at: datetime
    finished_at: datetime
    table_rows: dict[str, tuple[int, int]]      # table -> (rows now, rows added this run)
    articles: dict[str, int]                    # items, articles, new, changed, unchanged, ...
    sources: list[dict]                         # name, outcome, items, pages, error
    checks: dict[str, int]
    stage_seconds: dict[str, float]
    lock_wait_seconds: float = 0.0              # waited for another process's lock on the writer's file
    stale_feeds: list[dict] = field(default_factory=list)  # no new article for more than stale_hours
    stale_hours: float = 24.0
    rejected_items: list[dict] = field(default_factory=list)  # items skipped: source, item_url, stage, reason

    @property
    def sources_failed(self) -> int:
        return sum(1 for s in self.sources if s["error"])

    @classmethod
    def skipped(cls, run_id: str, started_at: datetime, finished_at: datetime) -> RunSummary:
        """A run that did not start: another run of its group was in progress."""
        return cls(run_id, "skipped", started_at, finished_at, {}, {}, [], {}, {})


# --- tasks ------------------------------------------------------------------------------------------------

@task(name="prepare_warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(settings: Settings, run: dict) -> None:
    """Apply pending migrations and record the run as started."""
    with store.connect_writer(settings.target) as con:
        applied = store.migrate(con)
        if applied:
            get_run_logger().info("applied migrations: %s", ", ".join(applied))
        alive = run_lock.live_runs_of(settings, store.running_runs(con))
        if interrupted := store.record_run_started(con, alive, **run):
            get_run_logger().warning("%d earlier run(s) had been killed or crashed: marked interrupted",
                                     interrupted)


@task(name="read_state", cache_policy=NO_CACHE)
def read_state(settings: Settings, started_at: datetime, replay: ReplayIndex | None = None,
               empty: bool = False, merge_only: bool = False, fetch_only: bool = False,
               articles_only: bool = False) -> WarehouseState:
    """What the transforms must know of the warehouse for a run that started at `started_at` (articles
    "recent" relative to it). `replay`: the recorded run a reprocess replays. `empty`: the first run a
    reprocess replays, which knew nothing of the derived tables. The parts a live run reads apart (each
    leaves the others empty, and no merge may run against the first two):
    - `fetch_only`: what the fetch reads at the run's start (validators, page retries, feed settings, the
      known titles), read as rows: a re-poll of unchanged feeds reads nothing else, and loads neither
      pyarrow nor numpy (which a frame read needs: store.reads).
    - `articles_only`: the stored articles, their signatures and the outlets' aliases, which EarlyNer's
      transforms compare a feed's items with: read once a feed brings items (EarlyNer).
    - `merge_only`: what a chunk's merge needs: the article side and the entities, without the fetch's
      parts (the known titles alone were a second copy of 4 MB of URLs and titles at 20,000 stored
      articles, issue 15)."""
    since = started_at - timedelta(days=RECENT_DAYS)
    with store.connect_writer(settings.target) as con:
        curation = load_curation(settings.entities_file, store.entity_decisions(con))  # a bad file: at once
        nothing = WarehouseState.empty(since, curation)
        if empty:
            return nothing
        if fetch_only:
            return replace(nothing, **fetch_state(con, settings, started_at, replay))
        articles = replace(nothing, known_articles=store.known_articles(con),
                           known_aliases=store.known_source_aliases(con),
                           recent_signatures=store.recent_signatures(con, since))
        if articles_only:
            return articles
        entities, entity_aliases = store.known_entities(con)
        merge_state = replace(articles, known_entities=entities, known_entity_aliases=entity_aliases,
                              recent_entities=store.recent_article_entities(con, since))
        if merge_only:
            return merge_state
        return replace(merge_state, **fetch_state(con, settings, started_at, replay))


def fetch_state(con, settings: Settings, started_at: datetime, replay: ReplayIndex | None) -> dict:
    """The parts of WarehouseState the fetch reads (validators, page retries, feed settings, known titles),
    as its keyword arguments. A replay fetches again exactly the pages its run fetched (the ones it has a
    record of), whatever the settings its feeds were read with."""
    retries = (dict.fromkeys(replay.fetches, "") if replay is not None else
               store.page_retries(con, started_at, settings.page_retry_limit, settings.page_retry_hours))
    return {"validators": store.feed_validators(con), "page_retries": retries,
            "feed_settings": {} if replay is not None else store.feed_settings(con),
            "known_titles": store.known_titles(con)}


@task(name="transform_batch", cache_policy=NO_CACHE)
def transform_batch(results: list[FeedResult], config: SourcesConfig, state: WarehouseState):
    """Pure transforms over every source's rows: the article-side stage frames of this batch."""
    tables, sources, aliases, rejected = batch_tables(results, config, state)
    for row in rejected.head(5).iter_rows(named=True):
        get_run_logger().warning("item skipped: %s: %s", row["item_url"], row["reason"])
    get_run_logger().info("transformed %d items into %d articles: %d new, %d changed, %d unchanged "
                          "(%d items skipped)", tables.counts["items"], tables.counts["articles"],
                          tables.counts["new"], tables.counts["changed"], tables.counts["unchanged"],
                          rejected.height)
    return tables, sources, aliases, rejected


def batch_tables(results: list[FeedResult], config: SourcesConfig, state: WarehouseState):
    """The article-side stage frames of this batch against `state`, the outlets and aliases first met
    in it, and the items the transforms rejected."""
    raw = [r.items for r in results if r.items is not None]
    pages = [r.pages for r in results if r.pages is not None]
    # in one order whatever the order of the sources file, the feeds' items and the page fetches
    raw_items = (pl.concat(raw) if raw else pl.DataFrame(schema=RAW_ITEM_SCHEMA)).sort(
        RAW_ITEM_ORDER, nulls_last=True, maintain_order=True)
    page_rows = (pl.concat(pages) if pages else pl.DataFrame(schema=PAGE_SCHEMA)).sort(
        "page_url", nulls_last=True, maintain_order=True)
    config_sources, config_aliases = configured_sources(list(config.outlets))
    known_aliases = pl.concat([config_aliases, state.known_aliases.cast(config_aliases.schema)])
    tables, failing = isolate_failures(
        raw_items.with_row_index("item_index"),
        lambda items: build_article_tables(items.drop("item_index"), page_rows, known_aliases,
                                           state.known_articles, state.recent_signatures),
        key="item_index")
    rejected = rejected_rows([{**row, "reason": reason} for row, reason in failing], "transform")
    sources, aliases = outlet_frames(config_sources, config_aliases, tables.sources, tables.source_aliases)
    return tables, sources, aliases, rejected


class EarlyNer:
    """NER ahead of the merge: each feed's new and changed articles (against the stored articles as read
    when the first feed brought items: `read_articles`, a WarehouseState with the article side) handed to
    the run's NerPool as soon as the feed's pages are read, while other pages are still being fetched. An
    article another run loaded meanwhile is read for nothing; one the merge finds otherwise is read there.
    Called from shard threads (a plain class: Prefect passes it as is)."""

    def __init__(self, pool: NerPool, config: SourcesConfig,
                 read_articles: Callable[[], WarehouseState]) -> None:
        self.pool, self.config = pool, config
        self._read_articles: Callable[[], WarehouseState] | None = read_articles
        self.state: WarehouseState | None = None
        self._handed: set[str] = set()
        self._lock = threading.Lock()
        self._state_lock = threading.Lock()

    def let_go_of_state(self) -> None:
        """Once the feeds are read: the state read for them is not held beside the merge's."""
        with self._state_lock:
            self._read_articles, self.state = None, None

    def _articles_state(self) -> WarehouseState | None:
        """The state read once, by the first feed that asks (the others wait for it); None if it could not
        be read (the merge reads the texts then) or the feeds are all read."""
        with self._state_lock:
            if self._read_articles is not None:
                read, self._read_articles = self._read_articles, None
                try:
                    self.state = read()
                except Exception as exc:  # noqa: BLE001 - only work spared: the merge reads these texts itself
                    get_run_logger().warning("texts not read ahead of the merge: the stored articles could "
                                             "not be read: %s: %s", type(exc).__name__, exc)
            return self.state

    def __call__(self, result: FeedResult) -> None:
        if result.ner_spans is not None:  # its shard read its new texts on a worker: nothing to read here
            self.pool.seed(result.ner_spans)
            return
        with self._lock:
            if result.feed.feed_id in self._handed:
                return
            self._handed.add(result.feed.feed_id)
        if result.items is None:
            return
        state = self._articles_state()
        if state is None:
            return
        try:
            articles = batch_tables([result], self.config, state)[0].articles
        except Exception as exc:  # noqa: BLE001 - only work spared: the merge reads these texts itself
            get_run_logger().debug("%s: texts not read ahead: %s", result.feed.name, exc)
            return
        if not articles.is_empty():
            self.pool.submit(ner_inputs(articles))


def ner_pool(settings: Settings) -> NerPool:
    """The run's NER: worker processes started once enough texts wait (flows/ner.py), the spans read kept
    on disk beside the warehouse until the merge asks for them, as the run's rows are (flows/spill.py)."""
    return NerPool(settings.spacy_model, settings.ner_processes, settings.ner_parallel_min,
                   folder=settings.warehouse_path.parent)


@task(name="recognise_entities", cache_policy=NO_CACHE)
def recognise_entities(articles: pl.DataFrame, settings: Settings, state: WarehouseState,
                       ner: NerPool | None = None
                       ) -> tuple[dict[str, pl.DataFrame], pl.DataFrame, list[str]]:
    """Entities of the new and changed articles (unchanged texts are not read again), resolved against
    the stored ones and the curation; the articles that could not be recognised (REJECTED_SCHEMA: a text
    NER fails on, or an article the entity tables cannot be built with) and their ids. Those are left out
    of the entity frames; the caller leaves them out of the batch. `ner`: the run's NerPool, with the
    spans it already read (EarlyNer); without one, a pool is started for this call."""
    if articles.is_empty():  # nothing new: no model to load, no evidence to gather
        return empty_entity_tables(), pl.DataFrame(schema=REJECTED_SCHEMA), []
    with nullcontext(ner) if ner is not None else ner_pool(settings) as pool:
        frames, failing = isolate_failures(
            articles,
            lambda batch: build_entity_tables(batch, pool.recognise, state.known_entities,
                                              state.known_entity_aliases, state.recent_entities,
                                              state.curation),
            key="article_id")
        pool.forget_asked()  # this chunk's texts: read and used, not asked for again
    failed_texts = pool.failed_texts
    rows = [{"feed_id": row["feed_id"], "item_url": row["url"], "article_id": row["article_id"],
             "reason": f"entities: {reason}"} for row, reason in failing]
    if failed_texts:
        texts = ner_texts(articles)
        by_id = {a: (f, u) for a, f, u in articles.select("article_id", "feed_id", "url").iter_rows()}
        read = as_read_by_ner(texts["text"].to_list())
        for article_id, text in zip(texts["article_id"], read, strict=True):
            if text in failed_texts:
                feed_id, url = by_id[article_id]
                rows.append({"feed_id": feed_id, "item_url": url, "article_id": article_id,
                             "reason": f"NER: {failed_texts[text]}"})
    dropped = [r["article_id"] for r in rows]
    if rows:
        frames = {name: frame.filter(~pl.col("article_id").is_in(dropped)) if "article_id" in frame.columns
                  else frame for name, frame in frames.items()}
        for row in rows[:5]:
            get_run_logger().warning("item skipped: %s: %s", row["item_url"], row["reason"])
    get_run_logger().info("recognised %d entities in %d articles", frames["entities"].height,
                          articles.height - len(rows))
    return frames, rejected_rows(rows, "entities"), dropped


@task(name="assign_stories", cache_policy=NO_CACHE)
def assign_stories_task(articles: pl.DataFrame, entity_frames: dict[str, pl.DataFrame],
                        state: WarehouseState) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Group the new and changed articles into stories with the recent stored ones (pure): the articles
    with their story_id, and the stored stories merged into another."""
    recent = state.known_articles.filter(pl.col("published_at") >= state.recent_since)
    storied, merges = assign_stories(articles, entity_frames["article_entities"], recent,
                                     state.recent_entities)
    joined = storied.filter(pl.col("story_id") != pl.col("article_id")).height
    get_run_logger().info("%d articles in %d stories (%d joined a story; %d stored stories merged)",
                          storied.height, storied["story_id"].n_unique(), joined, merges.height)
    return storied, merges


@task(name="load_batch", cache_policy=NO_CACHE)
def load_batch(settings: Settings, frames: dict[str, pl.DataFrame], loaded_at: datetime,
               rebuild: bool = False, commit_chunks: int = 0, index: bool = True,
               sort: bool = True) -> store.LoadResult:
    """One transaction: all of this batch's rows, its articles in the search index, or none (for a
    reprocess, the derived tables are emptied in the same transaction). A chunk of a run merged in chunks
    (merge_in_chunks) is loaded in the run's batch transaction; the last one (`commit_chunks`: how many
    there were) commits it. `index` False: the articles are left for index_chunk; `sort` False: the tables
    kept sorted by entity are left for sort_by_entity."""
    with store.connect_writer(settings.target) as con:
        loaded = store.load_batch(con, frames, loaded_at, rebuild=rebuild,
                                  to_index=search_rows(frames) if index else None,
                                  commit=commit_chunks > 0, sort=sort)
    if commit_chunks > 1:
        get_run_logger().info("the batch's %d chunks committed", commit_chunks)
    return loaded


@task(name="index_chunk", cache_policy=NO_CACHE)
def index_chunk(settings: Settings, articles: pl.DataFrame) -> float:
    """A chunk's articles (search_rows) indexed for search in a transaction of their own, once the chunk's
    load has committed and its connection is closed (a run merged chunk by chunk in a working copy:
    merge_in_chunks). The first chunk of a warehouse without an index builds it. Returns seconds."""
    with store.connect_writer(settings.target) as con:
        return store.update_search_index(con, articles)


def search_rows(frames: dict[str, pl.DataFrame]) -> pl.DataFrame | None:
    """What the search index takes of a chunk's articles as loaded (store.index_articles), None for a chunk
    without an articles frame (outlets_only_batch): their texts are not read back from the table."""
    articles = frames.get("articles")
    return articles.select("article_id", "title", "body") if articles is not None else None


@task(name="sort_by_entity", cache_policy=NO_CACHE)
def sort_by_entity(settings: Settings) -> list[str]:
    """The tables kept sorted by entity (store.sort_by_entity) sorted again where their unsorted rows call
    for it, in a transaction of their own: once after the last chunk of a run merged chunk by chunk, whose
    chunks' loads leave them (load_batch `sort`). Returns the tables sorted."""
    with store.connect_writer(settings.target) as con, store.transaction(con):
        return store.sort_by_entity(con)


@task(name="apply_views_and_checks", cache_policy=NO_CACHE)
def apply_views_and_checks(settings: Settings, run_id: str) -> tuple[dict[str, int], list[dict]]:
    """Re-create the views where sql/views/ changed, run the data-quality checks and keep their results;
    list the feeds that brought no new article for more than settings.stale_hours."""
    with store.connect_writer(settings.target) as con:
        store.apply_views_if_changed(con)
        results = store.run_checks(con)
        store.record_checks(con, run_id, results, utc_now())
        stale = store.stale_feeds(con, settings.stale_hours)
    failing = {k: v for k, v in results.items() if v}
    if failing:
        get_run_logger().warning("data-quality checks failing: %s", failing)
    if stale:
        get_run_logger().warning("%d feed(s) brought no new article in %g h: %s", len(stale),
                                 settings.stale_hours, ", ".join(f["feed"] for f in stale))
    return results, stale


@task(name="record_run", cache_policy=NO_CACHE)
def record_run(settings: Settings, params: dict, fetches: pl.DataFrame | None = None) -> None:
    """The run's final status and counts (and, when the load failed, its fetch log)."""
    with store.connect_writer(settings.target) as con:
        if fetches is not None:
            store.record_fetches(con, fetches)
        store.record_run_finished(con, **params)


@task(name="index_for_search", cache_policy=NO_CACHE)
def index_for_search(settings: Settings, rebuild: bool) -> float | None:
    """Build the full-text search index when there is none yet, or from scratch when `rebuild` (a
    reprocess); otherwise index any article it misses (the load indexes its batch in its own transaction,
    so that only happens to a warehouse older than that). Returns seconds, None when nothing was to do."""
    with store.connect_writer(settings.target) as con:
        if rebuild or not store.has_search_index(con):
            seconds = store.build_search_index(con)
            what = "built"
        elif missing := store.unindexed_articles(con):
            seconds = store.update_search_index(con, missing)
            what = f"{len(missing)} unindexed articles added"
        else:
            return None
    get_run_logger().info("search index %s in %.2f s", what, seconds)
    return seconds


@task(name="publish_snapshot", cache_policy=NO_CACHE)
def publish_snapshot(settings: Settings) -> float:
    """Publish the writer's state as the read snapshot (settings.warehouse_path) that every reader opens."""
    with store.connect_writer(settings.target) as con:
        seconds = store.publish(con, settings.target)
    get_run_logger().info("published %s in %.2f s", settings.target, seconds)
    return seconds


@task(name="record_skipped_run", cache_policy=NO_CACHE)
def record_skipped_run(settings: Settings, run: dict) -> None:
    """A run that did not start because another run of its group was still going (best effort: the
    skip is logged either way)."""
    try:
        with store.connect_writer(settings.target, wait_seconds=10.0) as con:
            store.record_run_skipped(con, **run)
    except (duckdb.Error, store.LockedError) as exc:
        get_run_logger().warning("could not record the skipped run: %s", exc)


# --- pure helpers for the flow ----------------------------------------------------------------------------

def fetch_rows(run_id: str, results: list[FeedResult]) -> pl.DataFrame:
    """The fetches table rows of this run: each source's fetch, then its article pages."""
    feeds = pl.DataFrame([
        {**fetch_log_row(res.fetch, res.sha256), "outcome": res.outcome, "error": res.error,
         "feed_id": res.feed.feed_id, "purpose": "listing" if res.feed.kind == "listing" else "feed"}
        for res in results], schema={**PAGE_LOG_SCHEMA, "feed_id": pl.String, "purpose": pl.String})
    pages = [res.page_log.with_columns(feed_id=pl.lit(res.feed.feed_id), purpose=pl.lit("article"),
                                       at=pl.lit(at, pl.Int64))
             for at, res in enumerate(results) if res.page_log is not None]
    rows = pl.concat([feeds.with_columns(at=pl.int_range(pl.len(), dtype=pl.Int64)), *pages]) \
        .sort("at", maintain_order=True).drop("at")  # each feed's row first, then its pages'
    ids = [stable_id(run_id, *key) for key in rows.select("feed_id", "purpose", "url").iter_rows()]
    return rows.with_columns(fetch_id=pl.Series(ids, dtype=pl.String), run_id=pl.lit(run_id)) \
        .select(FETCH_SCHEMA.keys()).cast(FETCH_SCHEMA)


def feed_rows(results: list[FeedResult]) -> pl.DataFrame:
    """Feed health of each source after this run."""
    rows = []
    for res in results:
        s, f = res.feed, res.fetch
        rows.append({
            "feed_id": s.feed_id, "name": s.name, "url": s.url, "kind": s.kind,
            "source_id": source_id_for(s.outlet) if s.outlet else None, "schedule_group": s.group,
            "follow_links": s.follow_links, "etag": f.etag, "last_modified": f.last_modified,
            "last_content_sha256": res.sha256,
            "last_status_code": f.status_code, "last_outcome": res.outcome, "last_error": res.error,
            "last_fetched_at": f.fetched_at, "is_success": not res.failed,
            "items_last_run": res.item_count if res.items is not None else None,
            "settings_sha256": s.settings_sha256, "last_warning": res.warning,
        })
    return pl.DataFrame(rows, schema={
        "feed_id": pl.String, "name": pl.String, "url": pl.String, "kind": pl.String,
        "source_id": pl.String, "schedule_group": pl.String, "follow_links": pl.Boolean,
        "etag": pl.String, "last_modified": pl.String, "last_content_sha256": pl.String,
        "last_status_code": pl.Int32,
        "last_outcome": pl.String, "last_error": pl.String, "last_fetched_at": pl.Datetime("us"),
        "is_success": pl.Boolean, "items_last_run": pl.Int32, "settings_sha256": pl.String,
        "last_warning": pl.String})


def rejected_item_rows(run_id: str, results: list[FeedResult], later: list[pl.DataFrame],
                       rejected_at: datetime) -> pl.DataFrame:
    """The rejected_items rows of this run: items skipped at parsing (each source's) and later (transform,
    entities), each with its feed, its URL as given, the stage and the reason."""
    frames = [r.rejected for r in results if r.rejected is not None] + later
    rows = pl.concat([pl.DataFrame(schema=REJECTED_SCHEMA), *frames]).unique(maintain_order=True)
    return rows.select(pl.lit(run_id).alias("run_id"), *REJECTED_SCHEMA,
                       pl.lit(rejected_at, pl.Datetime("us")).alias("rejected_at"))


def without_articles(tables, article_ids: list[str]):
    """The article tables of a batch without these articles (their entities could not be recognised)."""
    if not article_ids:
        return tables
    keep = ~pl.col("article_id").is_in(article_ids)
    return replace(tables, articles=tables.articles.filter(keep),
                   article_versions=tables.article_versions.filter(keep),
                   signatures=tables.signatures.filter(keep))


def source_summaries(results: list[FeedResult]) -> list[dict]:
    return [{
        "name": r.feed.name,
        "outcome": r.outcome,
        "items": r.item_count,
        **page_counts(r),
        "items_skipped": r.rejected.height if r.rejected is not None else 0,
        "error": r.error,
        "warning": r.warning,
    } for r in results]


# --- the flow ---------------------------------------------------------------------------------------------

@json_parameter_flow(name="ingest", log_prints=False)
def ingest(sources_file: str = "sources.toml", warehouse_path: str | None = None,
           group: str | None = None, reprocess: bool = False,
           refetch: list[str] | None = None, dry_run: bool = False) -> RunSummary:
    """Fetch every source (of `group`, or all), transform, and load one batch into the warehouse, then
    publish it for readers. A run whose group is already running is skipped; runs of other groups wait
    for each other (flows/run_lock.py).
    `reprocess`: fetch nothing; replay every recorded run, in order, from the raw store and rebuild the
    derived tables from them (the same rows as the live runs that fetched them).
    `dry_run` (with `reprocess`): rebuild in a throw-away copy and report what would change, table by
    table; the warehouse is not touched.
    `refetch`: names of sources to fetch and parse again in full, whatever their validators and what is
    stored (their pages too)."""
    logger = get_run_logger()
    settings = Settings.from_env(warehouse_path=Path(warehouse_path) if warehouse_path else None)
    config = load_sources(sources_file)
    config.check_names(refetch)
    run = {"run_id": flow_run.get_id() or str(uuid.uuid4()), "flow_run_id": flow_run.get_id(),
           "sources_file": str(config.path), "schedule_group": "reprocess" if reprocess else group,
           "started_at": utc_now()}
    with run_lock.group_lock(settings, run["schedule_group"]) as free:
        if not free:
            logger.warning("another run of group %r is still in progress: this one is skipped",
                           run["schedule_group"] or "(all sources)")
            record_skipped_run(settings, run)
            return RunSummary.skipped(run["run_id"], run["started_at"], utc_now())
        sources = tuple(replace(s, force=s.name in (refetch or ())) for s in config.in_group(group))
        merging = partial(merge_lock, settings, settings.run_wait)
        with run_lock.run_alive(settings, run["run_id"]):
            if not reprocess:  # only the start and the merge hold the ingest lock
                return run_batch(settings, config, sources, run, reprocess, merging)
            with merging():  # a replay rebuilds from the recorded runs: all of it under the lock
                if dry_run:
                    return reprocess_dry_run(settings, config, sources, run)
                return run_batch(settings, config, sources, run, reprocess)


@contextmanager
def merge_lock(settings: Settings, wait_seconds: float) -> Iterator[None]:
    """The warehouse's ingest lock, its wait logged."""
    with run_lock.ingest_lock(settings, wait_seconds) as queued:
        if queued > 1:
            get_run_logger().info("waited %.1f s for another ingest run's merge to finish", queued)
        yield


def reprocess_dry_run(settings: Settings, config: SourcesConfig, sources: tuple[Feed, ...],
                      run: dict) -> RunSummary:
    """What `reprocess` would change: the whole reprocess, run on a scratch copy of the writer's file; the
    summary's table_rows give each table's rows after it and the change from now."""
    with store.connect_writer(settings.target) as con:
        before = store.table_counts(con)
    with store.scratch_copy(settings.target) as scratch_path:
        scratch = replace(settings, warehouse_path=scratch_path, raw_dir=settings.raw_root)
        summary = run_batch(scratch, config, sources, run, reprocess=True)
    rows = {t: (after, after - before.get(t, 0)) for t, (after, _) in summary.table_rows.items()}
    return replace(summary, status="dry_run", table_rows=rows)


@dataclass
class Batch:
    """One chunk of a run's feeds merged: what one load takes (flows/spill.py)."""

    counts: dict[str, int]               # items, skipped_no_url, articles, new, changed, unchanged
    frames: dict[str, pl.DataFrame]      # the derived tables' stage frames
    rejected: list[pl.DataFrame]         # items rejected by the transforms and by NER (rejected_items)


def fetch_batch(settings: Settings, feeds: tuple[Feed, ...], fetcher: Fetcher, state: WarehouseState, lap,
                progress: list[FeedResult] | None = None,
                on_feed: Callable[[FeedResult], None] | None = None) -> list[FeedResult]:
    """The stateless part of a run: the feeds in shards of FEEDS_PER_SHARD, each read (fetched or replayed,
    landed, parsed, its article pages too) by one task; a shard's results are taken as it completes. Of the
    warehouse it reads only `state`'s validators, known titles and page retries, which only spare work (a
    stale one fetches a page again; the merge decides what is new against fresh state). `on_feed` is handed
    each feed's result as soon as it is read (by a shard in this process) or with its shard. When the
    settings put NER in the shards (`ner_in_shards`) and there is an `on_feed` to take their spans, each
    shard reads its feeds' new texts too; the spans are handed on, then dropped from the results kept."""
    progress = progress if progress is not None else []
    feeds = tuple(sorted(map(partial(forced_if_changed, state=state), feeds), key=lambda f: f.feed_id))
    for stage in (FETCH_STAGE, PARSE_STAGE, PAGES_STAGE):
        progress_bars.start(stage, len(feeds), "sources")
    # an item already loaded under the same title is not fetched again, unless its page is due a retry
    known_titles = state.known_titles.filter(~pl.col("url").is_in(list(state.page_retries)))
    live = isinstance(fetcher, LiveFetcher)
    shards = shards_of(feeds, state, conditional=live, size=settings.shard_feeds)
    # a replay reads this machine's warehouse and raw store: its shards stay in this process
    where = settings if live else replace(settings, executor="local")
    # a shard in this process hands each feed to `on_feed` as soon as it is read; a shard on a worker
    # elsewhere cannot call back, so its feeds are handed on when it completes (on_feed takes each once)
    nearby = {"on_feed": on_feed} if on_feed is not None and where.executor == "local" else {}
    ner = {"ner_model": settings.spacy_model} if on_feed is not None and where.ner_in_shards else {}
    for _, results in executors.run_shards(where, read_shard_task, [
            (shard_key(index, shard), {"shard": shard, "fetcher": fetcher,
                                       "known_titles": titles_of(shard, known_titles),
                                       "max_connections": settings.max_connections, **nearby, **ner})
            for index, shard in enumerate(shards)]):
        for result in results:
            if on_feed is not None:  # first: it may let go of the result's rows (SpilledRows)
                on_feed(result)
            progress.append(replace(result, ner_spans=None))
    lap("fetch")
    return sorted(progress, key=lambda r: r.feed.feed_id)


def shards_of(feeds: tuple[Feed, ...], state: WarehouseState, conditional: bool,
              size: int = FEEDS_PER_SHARD) -> list[Shard]:
    """The feeds in shards of `size`, each feed with its validators: none (a fetch in full) when
    the fetch is not `conditional` (a replay), the feed is forced, or it has pages due a retry (its items
    must be read again)."""
    retrying = set(state.page_retries.values())
    groups = [feeds[i:i + size] for i in range(0, len(feeds), size)]
    return [Shard(group, tuple(state.validators.get(f.feed_id)
                               if conditional and not f.force and f.feed_id not in retrying else None
                               for f in group))
            for group in groups]


def titles_of(shard: Shard, known_titles: pl.DataFrame) -> pl.DataFrame:
    """url, title of the stored articles met through the shard's feeds or published by their outlets
    (an outlet's section feeds list the same articles): what the shard is given, not every article. An
    item another outlet's feed brought in is fetched again, and the merge finds it unchanged."""
    feed_ids = [f.feed_id for f in shard.feeds]
    outlets = [source_id_for(f.outlet) for f in shard.feeds if f.outlet]
    return known_titles.filter(pl.col("feed_id").is_in(feed_ids) | pl.col("source_id").is_in(outlets)
                               ).select("url", "title").unique(maintain_order=True)


def shard_key(index: int, shard: Shard) -> str:
    """How a shard is named in the log: its place in the run and its first feed."""
    return f"{index + 1} ({shard.feeds[0].name}{' ...' if len(shard.feeds) > 1 else ''})"


@task(name="read_shard", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def read_shard_task(shard: Shard, fetcher: Fetcher, known_titles: pl.DataFrame,
                    max_connections: int, on_feed: EarlyNer | None = None,
                    ner_model: str | None = None) -> list[FeedResult]:
    """One shard of the stateless part (flows/shards.py), as a task; with `ner_model`, its NER too."""
    return read_shard(shard, fetcher, known_titles, max_connections, get_run_logger(), on_feed, ner_model)


def merge_in_chunks(settings: Settings, config: SourcesConfig, results: list[FeedResult], rows: SpilledRows,
                    state_for: Callable[[Settings, int], WarehouseState], seen_at: datetime, lap,
                    ner: NerPool | None = None, rebuild: bool = False,
                    run_frames: Callable[[list[Batch], list[FeedResult], bool], dict[str, pl.DataFrame]]
                    | None = None,
                    held: ExitStack | None = None, in_copy: bool = False
                    ) -> tuple[list[Batch], store.LoadResult]:
    """The merge, under the ingest lock: the run's feeds (`results`, their rows in `rows`) taken a chunk at
    a time (flows/spill.py merge_chunks; NEWSETL_MERGE_CHUNK_ITEMS), each merged against the warehouse as
    the chunks before it left it (`state_for(settings, index)`, read from the file the chunk loads into)
    and loaded; the batch lands whole or not at all, and the flow holds one chunk's rows, not the run's.
    - One chunk, or a lake: one transaction.
    - More chunks in the embedded warehouse: each chunk commits in a working copy of the writer's file
      (store.working_copy) on a connection of its own, closed after it; its articles are then indexed for
      search on another (index_chunk); the copy replaces the writer's file once the last chunk is in
      (`in_copy`: the caller's settings already name such a copy, as a reprocess's do, which builds its
      index at its end). DuckDB holds one chunk's uncommitted rows, not the run's (issue 15: in one
      transaction, DuckDB counted 455 MB by the last of 20,000 pages' 10 chunks); the copy costs a copy
      of the file.
    The same input is merged in the same chunks, and a chunk's rows are those a run of its feeds alone would
    load after the chunks before it. `rebuild` (a reprocess's first run): the derived tables are emptied
    first, with the first chunk. `run_frames(batches, chunk, last)`: the run's own rows loaded with each
    chunk (its feeds' health and fetch log; with the last, the rejected items). `ner`: the run's NerPool,
    closed once the last chunk is recognised. `held`: where the writer's connection is kept open for the
    rest of the run, once the merge is done."""
    chunks = merge_chunks(results, rows.items_of, settings.merge_chunk_items)
    merge = partial(_merge_chunks, config=config, chunks=chunks, rows=rows, state_for=state_for,
                    seen_at=seen_at, lap=lap, ner=ner, rebuild=rebuild, run_frames=run_frames)
    if len(chunks) == 1 or not isinstance(settings.target, Path):
        if held is not None:
            held.enter_context(store.holding_writer(settings.target))
        with writer_for_merge(settings) as con, store.batch_transaction(con):
            return merge(settings, one_transaction=True)
    if in_copy:
        return merge(settings, one_transaction=False)
    with store.working_copy(settings.target, "merge") as work_path:
        merged = merge(replace(settings, warehouse_path=work_path, raw_dir=settings.raw_root),
                       one_transaction=False, index_chunks=True)
    if held is not None:
        held.enter_context(store.holding_writer(settings.target))
    return merged


@contextmanager
def writer_for_merge(settings: Settings) -> Iterator[duckdb.DuckDBPyConnection]:
    """The writer's connection for the merge, held on this thread for the block, with
    NEWSETL_WRITER_MEMORY's limit when one is set."""
    with store.holding_writer(settings.target), store.connect_writer(settings.target) as con:
        if settings.writer_memory:  # for the rest of the connection
            store.limit_memory(con, settings.writer_memory)
        yield con


def _merge_chunks(settings: Settings, *, config: SourcesConfig, chunks: list[list[FeedResult]],
                  rows: SpilledRows, state_for: Callable[[Settings, int], WarehouseState],
                  seen_at: datetime, lap, ner: NerPool | None, rebuild: bool,
                  run_frames: Callable[[list[Batch], list[FeedResult], bool], dict[str, pl.DataFrame]] | None,
                  one_transaction: bool, index_chunks: bool = False) -> tuple[list[Batch], store.LoadResult]:
    """merge_in_chunks's loop: in the batch transaction open on the writer held by the caller
    (`one_transaction`), or each chunk committed on a connection of its own. `index_chunks`: each chunk's
    articles are indexed for search after its connection is closed (index_chunk), not in its load: beside
    the load, the index update raised every load's peak by 100-150 MB (ab11a67); left to the end of the
    run, the index was built over everything the run loaded (at 20,000 pages, +406 MB; issue 15)."""
    batches: list[Batch] = []
    loads: list[store.LoadResult] = []
    for index, chunk in enumerate(chunks):
        with nullcontext() if one_transaction else writer_for_merge(settings):
            restored = list(map(rows.restored, chunk))
            batch = (merge_batch(settings, config, restored, state_for(settings, index), seen_at, lap, ner)
                     if any(map(brought_rows, restored)) else outlets_only_batch(config))
            del restored
            rows.drop(chunk)
            last = index == len(chunks) - 1
            if last and ner is not None:
                ner.close()  # before the last load: the workers' memory is not held beside DuckDB's
            frames = batch.frames | (run_frames([*batches, batch], chunk, last) if run_frames else {})
            give_back_free_heap()  # what the transforms freed, before DuckDB allocates for the load
            to_index = search_rows(frames) if index_chunks else None
            loads.append(load_batch(settings, frames, seen_at, rebuild=rebuild and index == 0,
                                    commit_chunks=len(chunks) if last and one_transaction else 0,
                                    index=not index_chunks, sort=one_transaction))
            batches.append(replace(batch, frames={}))
            # the chunk's rows are let go once loaded: these names held them through the next chunk's merge
            del batch, frames
            lap("load")
        if to_index is not None and not to_index.is_empty():
            give_back_free_heap()
            loads[-1] = replace(loads[-1], search_index_seconds=index_chunk(settings, to_index))
            lap("search_index")
        # the chunk's texts, indexed: not held through the next chunk's merge (7 MB a chunk of 1,755
        # articles, beside the next one's entities and stories; issue 15)
        to_index = None
    if not one_transaction:
        # once, not in the chunks' loads: a sort rewrites a whole table, and chunk by chunk the unsorted rows
        # passed their share every second or third chunk (+120-185 MB on such a load at 20,000 articles)
        sorted_tables = sort_by_entity(settings)
        lap("load")
        get_run_logger().info("the batch's %d chunks committed one by one in a copy of the writer's file%s",
                              len(chunks), f"; sorted by entity: {', '.join(sorted_tables)}"
                              if sorted_tables else "")
    search = [s for s in (load.search_index_seconds for load in loads) if s is not None]
    return batches, store.LoadResult(loads[0].before, loads[-1].after, sum(search) if search else None,
                                     sum(load.aggregates_seconds for load in loads))


def merge_batch(settings: Settings, config: SourcesConfig, results: list[FeedResult],
                state: WarehouseState, seen_at: datetime, lap, ner: NerPool | None = None) -> Batch:
    """What needs the warehouse state, against `state` (read under the ingest lock): new and changed
    articles, copies of stored ones, entity resolution, stories. `ner`: the run's NerPool, with the spans
    the stateless part already read (EarlyNer); texts it did not read are read here. `seen_at`: when the
    run's first fetch was made (rows first seen in it are dated so)."""
    # quote: Prefect walks every argument of a task run twice, into every list, dict and dataclass, looking
    # for futures; over a run's feed results, sources and state that took 1-2 s at 1,000 feeds (none are
    # inside)
    tables, sources_frame, aliases_frame, transform_rejected = transform_batch(quote(results), quote(config),
                                                                               quote(state))
    release_rows(results)
    lap("transform")
    entity_frames, entity_rejected, unrecognised = recognise_entities(tables.articles, settings, quote(state),
                                                                      ner)
    tables = without_articles(tables, unrecognised)
    lap("entities")
    articles, story_merges = assign_stories_task(tables.articles, entity_frames, quote(state))
    lap("stories")
    frames = {"sources": sources_frame, "source_aliases": aliases_frame, "articles": articles,
              "story_merges": story_merges, "article_versions": tables.article_versions,
              "article_signatures": tables.signatures, **entity_frames}
    return Batch(tables.counts, frames, [transform_rejected, entity_rejected])


def brought_rows(result: FeedResult) -> bool:
    """Whether the feed's result has items or pages to merge (not so a feed unchanged since its last fetch,
    or one that failed)."""
    return any(frame is not None and not frame.is_empty() for frame in (result.items, result.pages))


def outlets_only_batch(config: SourcesConfig) -> Batch:
    """The merge of a chunk whose feeds brought no item (all unchanged, or failed), as merge_batch would
    make it without its work: no state to read, nothing to transform, recognise or group into stories; the
    configured outlets and their aliases are loaded, as with every batch (an alias added to the sources
    file lands with the next run, whatever its feeds bring). A re-poll that finds nothing new spared 0.15 s
    of a 2 s `newsetl run` (four task runs over empty frames; issue 15)."""
    config_sources, config_aliases = configured_sources(list(config.outlets))
    sources, aliases = outlet_frames(config_sources, config_aliases, config_sources.clear(),
                                     config_aliases.clear())
    return Batch({}, {"sources": sources, "source_aliases": aliases}, [])


def release_rows(results: list[FeedResult]) -> None:
    """Let go of the chunk's raw items and parsed pages once the transform has made its frames of them: the
    frames hold every text again, so keeping both held each text twice through the merge and the load.
    The results (the chunk's copies, read back from disk) are changed in place."""
    for result in results:
        if result.items is not None:
            result.items = result.items.clear()
        if result.pages is not None:
            result.pages = result.pages.clear()


def first_fetch_at(results: list[FeedResult], started_at: datetime) -> datetime:
    """When the run's first good fetch was made (the run's start if none was): rows first seen in the run
    are dated by it, not by the clock at load time, so that a replay gives the same rows."""
    return min((r.fetch.fetched_at for r in results if r.fetch.ok), default=started_at)


def forced_if_changed(source: Feed, state: WarehouseState) -> Feed:
    """The source, to be fetched and parsed again in full (`force`) when the sources file changed how it is
    read since its last good fetch (a selector, follow_links, the URL ...) or the run was asked to."""
    stored = state.feed_settings.get(source.feed_id)
    if source.force or stored is None or stored == source.settings_sha256:
        return source
    get_run_logger().info("%s: its settings changed since it was last read: fetching and parsing it again",
                          source.name)
    return replace(source, force=True)


@task(name="plan_replay", cache_policy=NO_CACHE)
def plan_replay(settings: Settings) -> tuple[list[tuple[str, datetime]], dict[str, Feed]]:
    """What a reprocess replays: the recorded runs, oldest first, and every feed the fetch log knows (for
    one the sources file no longer lists)."""
    with store.connect_writer(settings.target) as con:
        runs = con.execute(store.sql_text("read/replayable_runs.sql")).fetchall()
        feeds = con.execute(store.sql_text("read/replay_sources.sql")).fetchall()
    known = {feed_id: Feed(name=name, kind=kind, url=url, outlet=outlet, group=group,
                             follow_links=follow_links)
             for feed_id, name, url, kind, outlet, group, follow_links in feeds}
    return [(run_id, started_at) for run_id, started_at in runs], known


@task(name="load_replay_index", cache_policy=NO_CACHE)
def load_replay_index(settings: Settings, run_id: str) -> ReplayIndex:
    with store.connect_writer(settings.target) as con:
        return ReplayIndex.load(con, settings.raw_root, run_id)


def replayed_feeds(config: SourcesConfig, known: dict[str, Feed], replay: ReplayIndex
                     ) -> tuple[Feed, ...]:
    """The sources a recorded run fetched, as the sources file describes them now (a parser or selector
    change applies), or as the warehouse knew them if the file no longer lists them; each at the URL the
    run fetched."""
    configured = {s.feed_id: s for s in config.feeds}
    return tuple(replace(configured.get(feed_id) or known[feed_id], url=url)
                 for feed_id, url in sorted(replay.feeds.items())
                 if feed_id in configured or feed_id in known)


def replay_recorded_runs(settings: Settings, config: SourcesConfig, lap
                         ) -> tuple[list[Batch], list[FeedResult], store.LoadResult]:
    """Rebuild the derived tables by replaying every recorded run in order, each against the state the ones
    before it left, as the live runs saw it: every version of every article comes back, not only the
    latest. Done in a copy of the writer's file that replaces it only once every run is loaded. Returns the
    chunks merged, each source's result as the last replayed run left it, and the load."""
    logger = get_run_logger()
    recorded, known_feeds = plan_replay(settings)
    logger.info("reprocess: replaying %d recorded runs", len(recorded))
    done: list[Batch] = []
    last_results: dict[str, FeedResult] = {}
    with store.rebuilding(settings.target) as work_path:
        work = replace(settings, warehouse_path=work_path, raw_dir=settings.raw_root)
        first = None
        for index, (run_id, started_at) in enumerate(recorded):
            replay = load_replay_index(work, run_id)
            state = read_state(work, started_at, replay, empty=index == 0)

            def state_for(work: Settings, chunk: int, state=state, started_at=started_at,
                          replay=replay) -> WarehouseState:
                return state if chunk == 0 else read_state(work, started_at, replay, merge_only=True)

            with spilled_rows(work_path) as rows, ner_pool(work) as ner:
                feeds = replayed_feeds(config, known_feeds, replay)
                results = fetch_batch(work, feeds, ReplayFetcher(replay), state, lap, on_feed=rows)
                batches, loaded = merge_in_chunks(work, config, results, rows, state_for,
                                                  first_fetch_at(results, started_at), lap, ner,
                                                  rebuild=index == 0, in_copy=True)
            first = first or loaded
            done += batches
            last_results |= {r.feed.feed_id: r for r in results}
        if first is None:  # nothing recorded: the derived tables are emptied all the same
            first = loaded = load_batch(work, {}, utc_now(), rebuild=True)
    return done, list(last_results.values()), store.LoadResult(first.before, loaded.after)


def run_counts(run_id: str, results: list[FeedResult], counts: dict[str, int]) -> dict:
    """The run record's counts."""
    return {"run_id": run_id, "sources_total": len(results),
            "sources_failed": sum(r.failed for r in results), "items_parsed": counts["items"],
            "articles_new": counts["new"], "articles_changed": counts["changed"],
            "articles_unchanged": counts["unchanged"]}


def summed_counts(batches_done: list[Batch]) -> dict[str, int]:
    """The article counts of several batches added up: every count any of them has (the run record's
    ones always there, 0 when there is no batch)."""
    keys = dict.fromkeys(["items", "articles", "new", "changed", "unchanged",
                          *(key for b in batches_done for key in b.counts)])
    return {key: sum(b.counts.get(key, 0) for b in batches_done) for key in keys}


def run_batch(settings: Settings, config: SourcesConfig, sources: tuple[Feed, ...], run: dict,
              reprocess: bool, locked=nullcontext) -> RunSummary:
    """The body of an ingest run, once it holds its group's lock. `locked()` holds the ingest lock: for
    the start (migrations, the run record, the state the stateless part reads) and again from the merge
    to the end (or the record of a failure)."""
    with ExitStack() as held:
        return _run_batch(settings, config, sources, run, reprocess, locked, held)


def _run_batch(settings: Settings, config: SourcesConfig, sources: tuple[Feed, ...], run: dict,
               reprocess: bool, locked, held: ExitStack) -> RunSummary:
    logger = get_run_logger()
    run_id, started_at = run["run_id"], run["started_at"]
    lock_wait_before = store.LOCK_WAITS.total()
    timings: dict[str, float] = {}
    lap_started = [time.perf_counter()]

    def lap(stage: str) -> None:  # durations come from the monotonic counter, not the clock
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - lap_started[0]
        lap_started[0] = now

    logger.info("ingest %d sources from %s into %s", len(sources), config.path, settings.warehouse_path)
    merging = [False]   # whether this run holds the ingest lock for its merge

    def merge_now() -> None:
        if not merging[0]:
            held.enter_context(locked())
            merging[0] = True

    # the run's row is left in the write-ahead log for the merge's open to replay (not checkpointed twice)
    with locked(), store.holding_writer(settings.target, keep_small_wal=True):
        prepare_warehouse(settings, run)
        start_state = None if reprocess else read_state(settings, started_at, fetch_only=True)
    lap("prepare")
    progress: list[FeedResult] = []   # the sources' results so far, for the fetch log of a crash
    rows: SpilledRows | None = None   # where their rows and page logs wait for the merge
    rejected = pl.DataFrame(schema=REJECTED_SCHEMA)
    finish, stage = run_counts(run_id, [], summed_counts([])), "before the merge"
    try:
        if reprocess:  # a replay fetched nothing: the fetch log and feed health stay as they were
            done, results, loaded = replay_recorded_runs(settings, config, lap)
            counts = summed_counts(done)
        else:
            ner = held.enter_context(ner_pool(settings))  # its workers stop after the merge's NER

            def stored_articles() -> WarehouseState:
                # under the ingest lock, as every read of the writer's file; not at the run's start: a
                # re-poll whose feeds are all unchanged reads none of it
                with locked():
                    return read_state(settings, started_at, articles_only=True)

            # each feed's rows wait for the merge on disk, once its texts are handed to NER
            early = EarlyNer(ner, config, stored_articles)
            rows = held.enter_context(spilled_rows(settings.warehouse_path, early))
            fetched = fetch_batch(settings, sources, LiveFetcher(settings), start_state, lap, progress, rows)
            # the states read for the fetch and NER spared work; the merge reads its own under the lock, and
            # these are not held beside it (a generated warehouse of 20,000 articles: a state of 70 MB)
            early.let_go_of_state()
            start_state = None
            merge_now()
            lap("merge_wait")

            def state_for(merging: Settings, chunk: int) -> WarehouseState:
                # read under the lock: another group's merge may have loaded since the run started; and
                # again for each chunk, where the chunks before it are loaded
                return read_state(merging, started_at, merge_only=True)

            def run_frames(batches: list[Batch], chunk: list[FeedResult], last: bool
                           ) -> dict[str, pl.DataFrame]:
                # each chunk's feeds' health and fetch log with it, not every feed's and page's with the
                # last chunk (at 20,000 pages the fetch log was 20,000 rows, 9.6 MB; issue 15)
                own = {"feeds": feed_rows(chunk),
                       "fetches": fetch_rows(run_id, [rows.with_page_log(r) for r in chunk])}
                if not last:
                    return own
                nonlocal rejected
                rejected = rejected_item_rows(run_id, fetched, [r for b in batches for r in b.rejected],
                                              started_at)
                return own | {"rejected_items": rejected}

            finish, stage = run_counts(run_id, fetched, summed_counts([])), "in the merge"
            # the merge (one chunk), the load, the search index, the views and checks, the run record and
            # the publication: one connection to the writer's file (held until the ingest lock is let go)
            done, loaded = merge_in_chunks(settings, config, fetched, rows, state_for,
                                           first_fetch_at(fetched, started_at), lap, ner,
                                           run_frames=run_frames, held=held)
            results, counts = fetched, summed_counts(done)
    except Exception as exc:
        # recorded, not left `running`: the run is `failed` with the error, the fetch log so far is kept,
        # and readers see the failed run (and the data as it was)
        merge_now()
        record_run(settings, {**finish, "finished_at": utc_now(), "status": "failed", "entities_new": 0,
                              "sources_failed": sum(r.failed for r in progress),
                              "error": f"run failed {stage}: {type(exc).__name__}: {exc}",
                              "lock_wait_seconds": store.LOCK_WAITS.total() - lock_wait_before,
                              "search_index_seconds": None},
                   fetch_rows(run_id, [rows.with_page_log(r) for r in progress] if rows else progress)
                   if progress and not reprocess else None)
        publish_snapshot(settings)
        raise
    finish = run_counts(run_id, results, counts)
    lap("load")
    merge_now()  # (a replay held it from the start)
    built = index_for_search(settings, rebuild=reprocess)
    search_seconds = built if built is not None else loaded.search_index_seconds
    lap("search_index")
    checks, stale = apply_views_and_checks(settings, run_id)
    lap("views_checks")
    finished_at = utc_now()
    failed = all_failed(results) or keys_error(checks)
    record_run(settings, {**finish, "finished_at": finished_at, "status": "failed" if failed else "completed",
                          "entities_new": loaded.added("entities"), "error": failed,
                          "lock_wait_seconds": store.LOCK_WAITS.total() - lock_wait_before,
                          "search_index_seconds": search_seconds})
    publish_snapshot(settings)
    lap("publish")
    summary = RunSummary(
        run_id=run_id, status="failed" if failed else "completed", started_at=started_at,
        finished_at=finished_at,
        table_rows={t: (loaded.after[t], loaded.added(t)) for t in loaded.after},
        articles=counts, sources=source_summaries(results), checks=checks, stage_seconds=timings,
        lock_wait_seconds=store.LOCK_WAITS.total() - lock_wait_before, stale_feeds=stale,
        stale_hours=settings.stale_hours,
        rejected_items=rejected.join(pl.DataFrame({"feed_id": [r.feed.feed_id for r in results],
                                                   "source": [r.feed.name for r in results]},
                                                  schema={"feed_id": pl.String, "source": pl.String}),
                                     on="feed_id", how="left").to_dicts(),
    )
    if failed:  # the flow run ends Failed, and `newsetl run` exits 5: a scheduler must see it
        raise (AllSourcesFailed if all_failed(results) else KeysStoredTwice)(failed, summary)
    return summary


class AllSourcesFailed(RuntimeError):
    """Every source of the run failed: nothing could be fetched or parsed. The run is recorded (status
    failed), its fetch log and feed health loaded and published; `summary` says what each source met."""

    def __init__(self, message: str, summary: RunSummary) -> None:
        super().__init__(message)
        self.summary = summary


class KeysStoredTwice(AllSourcesFailed):
    """A lake's run whose merge stored a key twice (a lake has no primary key; sql/checks/lake/): loaded
    and recorded failed, as an all-failed run is, so that a scheduler sees it."""


def keys_error(checks: dict[str, int]) -> str | None:
    """The run's error when a lake stores a key twice after its merge (a lake has no primary key)."""
    if broken := store.broken_keys(checks):
        return f"keys stored twice in {', '.join(broken)} (a lake has no primary key: see the check results)"
    return None


def all_failed(results: list[FeedResult]) -> str | None:
    """The run's error when it had sources and every one of them failed, else None."""
    if results and all(r.failed for r in results):
        return f"all {len(results)} source(s) failed; nothing was loaded from any of them"
    return None
