"""The warehouse layer: everything that opens, changes or reads the DuckDB warehouse, used by the flow, the
CLI, curation, export, the schema docs and the dashboard.

    sql          reading sql/ (every statement lives there; parameters are bound, never formatted in)
    connection   the writer's file and the published snapshot, locks, transactions, extensions, publish
    migrations   sql/migrations/ and sql/views/
    load         one batch in one transaction (sql/load/, MERGE INTO)
    frames       polars frames handed to DuckDB's statements (Arrow C streams)
    aggregates   the entity aggregates the load keeps (sql/aggregates/)
    search       the BM25 search index (sql/search/)
    checks       data-quality checks (sql/checks/)
    reads        what the flow, the CLI and the dashboard read (sql/read/)
    runs         run records

The names below are the layer's interface; a module's other names are its own.
"""

from store.aggregates import AggregateCost, recount_aggregates, refreshing_aggregates, sort_by_entity
from store.checks import broken_keys, record_checks, run_checks
from store.connection import (
    LOCK_WAITS,
    LockedError,
    batch_transaction,
    close_external_access,
    connect,
    connect_reader,
    connect_writer,
    holding_writer,
    leave_lookup_only_modules_unloaded,
    limit_memory,
    load_extension,
    publish,
    rebuilding,
    scratch_copy,
    transaction,
    working_copy,
)
from store.load import LOAD_ORDER, LoadResult, load_batch
from store.migrations import apply_views, apply_views_if_changed, migrate, migration_files
from store.reads import (
    KNOWN_TITLES_SCHEMA,
    entity_decisions,
    feed_settings,
    feed_validators,
    known_articles,
    known_entities,
    known_source_aliases,
    known_titles,
    page_retries,
    recent_article_entities,
    recent_signatures,
    row_dicts,
    stale_feeds,
    table_counts,
)
from store.runs import (
    record_fetches,
    record_run_finished,
    record_run_skipped,
    record_run_started,
    running_runs,
)
from store.search import build_search_index, has_search_index, unindexed_articles, update_search_index
from store.sql import run_file, split_statements, sql_files, sql_text

__all__ = [
    "KNOWN_TITLES_SCHEMA", "LOAD_ORDER", "LOCK_WAITS", "AggregateCost", "LoadResult", "LockedError",
    "apply_views",
    "apply_views_if_changed", "batch_transaction",
    "broken_keys", "build_search_index", "close_external_access", "connect", "connect_reader",
    "connect_writer",
    "entity_decisions", "feed_settings", "feed_validators", "has_search_index", "holding_writer",
    "known_articles", "known_entities", "known_source_aliases", "known_titles",
    "leave_lookup_only_modules_unloaded",
    "limit_memory",
    "load_batch",
    "load_extension", "migrate", "migration_files", "page_retries", "publish", "rebuilding",
    "recent_article_entities", "recent_signatures", "record_checks", "record_fetches",
    "record_run_finished", "record_run_skipped", "record_run_started", "recount_aggregates",
    "refreshing_aggregates", "run_checks", "running_runs", "scratch_copy", "sort_by_entity",
    "row_dicts", "run_file", "split_statements", "sql_files", "sql_text", "stale_feeds", "table_counts",
    "transaction",
    "unindexed_articles", "update_search_index", "working_copy",
]
