"""The DuckDB layer: connections, migrations, the one-transaction load, views, checks, run records, the
search index, and publishing the read snapshot.

All SQL lives in sql/ (migrations/, load/, aggregates/, views/, checks/, search/); this module only reads
those files, binds parameters and registers polars frames as `stage_<table>` for the load statements to
read.

Readers and the writer never share a file. DuckDB lets one process hold a file for writing, and while it
does no other process can open it at all, not even read-only; a read-only reader blocks the writer in
turn. So the pipeline writes into `news.writer.duckdb` (nobody else opens it), and after each run copies
it, checkpointed, to a temporary file beside `news.duckdb` and renames that over `news.duckdb`
(`publish`). A rename is atomic: a reader opening `news.duckdb` gets the last complete run, never a
partial batch, and a reader that keeps its connection open keeps its snapshot (the old file lives on
until it closes). Readers never lock the writer's file, so the writer never waits for them.
"""

from __future__ import annotations

import glob
import hashlib
import importlib
import importlib.abc
import logging
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from newsetl import clock
from newsetl.config import writer_file

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
log = logging.getLogger(__name__)

# Load order: parents before children, so a check after the load never sees a dangling key.
LOAD_ORDER = ("sources", "source_aliases", "feeds", "articles", "story_merges", "article_versions",
              "article_signatures", "entities", "entity_aliases", "article_entities", "fetches",
              "rejected_items")


class LockedError(RuntimeError):
    """The warehouse file is held by another process for longer than we were willing to wait."""


def sql_text(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


class _LockWaits:
    """Seconds this process has spent waiting for another process's lock on a warehouse file."""

    def __init__(self) -> None:
        self._total = 0.0
        self._guard = threading.Lock()

    def add(self, seconds: float) -> None:
        with self._guard:
            self._total += seconds

    def total(self) -> float:
        with self._guard:
            return self._total


LOCK_WAITS = _LockWaits()


class _PandasRefused(importlib.abc.MetaPathFinder):
    """Refuses every import of pandas (leave_pandas_unloaded)."""

    def find_spec(self, name, path=None, target=None):  # noqa: ARG002 - the finder protocol's signature
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError("pandas is left unloaded in this process (flows/warehouse.py: "
                                      "leave_pandas_unloaded)", name=name)
        return None


_PANDAS_REFUSED = _PandasRefused()


def leave_pandas_unloaded() -> None:
    """From now on this process does not import pandas (nothing happens if it already has). For a process
    that makes no pandas object, such as `newsetl run`: DuckDB's Python client imports pandas the first time
    it binds a parameter or registers a frame, and pyarrow when DuckDB scans a frame, only to ask whether a
    value is one of pandas' objects: 0.3-0.5 s, a tenth of a run that finds nothing new. Both take a refused
    import as "pandas is not installed"; with no pandas loaded no value can be a pandas object, so every
    conversion is the same. Not for a process that may load pandas later (pyarrow keeps its answer)."""
    if "pandas" not in sys.modules and _PANDAS_REFUSED not in sys.meta_path:
        sys.meta_path.insert(0, _PANDAS_REFUSED)


@contextmanager
def connect(path: Path, read_only: bool = False, wait_seconds: float = 30.0) -> Iterator[
        duckdb.DuckDBPyConnection]:
    """A connection to a DuckDB file, retried while another process holds its lock (the time spent
    waiting is added to LOCK_WAITS)."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    deadline = started + wait_seconds
    delay = 0.05
    waited = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                if "lock" in str(exc).lower():
                    LOCK_WAITS.add(time.monotonic() - started)
                    raise LockedError(f"{path} is locked by another process: {exc}") from exc
                raise
            waited = True
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    if waited:
        LOCK_WAITS.add(time.monotonic() - started)
    try:
        yield con
    finally:
        con.close()


_HELD = threading.local()  # .writer: (writer file, connection) held open on this thread (holding_writer)


@contextmanager
def connect_writer(published: Path, wait_seconds: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the writer's file behind the published warehouse `published`: the one
    this thread holds open for it (holding_writer), or a new one, closed after the block. A warehouse made
    before the split (only news.duckdb exists) is adopted: the writer starts from it."""
    path = writer_file(published)
    held = getattr(_HELD, "writer", None)
    if held is not None and held[0] == path:
        yield held[1]
        return
    if not path.exists() and published.exists():
        _adopt(published, path)
    with connect(path, wait_seconds=wait_seconds) as con:
        yield con


@contextmanager
def holding_writer(published: Path) -> Iterator[None]:
    """One connection to the writer's file for every connect_writer(published) on this thread in the block,
    closed when it ends: opening the file (its catalog read) and closing it (with the checkpoint a close
    makes) cost 40-70 ms each, and a run's steps under the ingest lock opened it up to five times in a row.
    Only for a block that holds the ingest lock: while it is open no other process can open the file."""
    if getattr(_HELD, "writer", None) is not None:  # already held (by an outer block)
        yield
        return
    with connect_writer(published) as con:
        _HELD.writer = (writer_file(published), con)
        try:
            yield
        finally:
            _HELD.writer = None


def _adopt(published: Path, writer: Path) -> None:
    with connect(published, wait_seconds=5.0) as con:  # folds a leftover write-ahead log into the file
        con.execute("checkpoint")
    _copy_atomically(published, writer)


def publish(con: duckdb.DuckDBPyConnection, published: Path) -> float:
    """Make the writer's committed state the published warehouse: checkpoint (so the file alone holds
    everything), copy it beside `published`, flush it to disk and rename it over `published`. `con` is
    the writer's connection, held so that nothing writes during the copy. Returns the seconds taken."""
    started = time.monotonic()
    con.execute("checkpoint")
    source = Path(con.execute("select path from duckdb_databases() where database_name = current_database()")
                  .fetchone()[0])
    # a write-ahead log beside the published file belongs to the old file (someone opened it read-write):
    # DuckDB must not replay it onto the new one
    published.with_name(published.name + ".wal").unlink(missing_ok=True)
    for stale in published.parent.glob(f".{published.name}.*.tmp"):  # a publisher killed mid-copy (we
        stale.unlink(missing_ok=True)                                # hold the writer's lock: none is live)
    _copy_atomically(source, published)
    return time.monotonic() - started


@contextmanager
def scratch_copy(published: Path) -> Iterator[Path]:
    """A throw-away copy of the writer's file (`reprocess --dry-run`): yields a published path, beside
    `published`, whose writer's file is the copy. Everything under that path is deleted afterwards."""
    writer = writer_file(published)
    scratch = published.with_name(f"{published.stem}.dry-run{published.suffix}")
    paths = [path for base in (scratch, writer_file(scratch))
             for path in (base, base.with_name(base.name + ".wal"))]
    for path in paths:
        path.unlink(missing_ok=True)
    try:
        with connect(writer) as con:
            con.execute("checkpoint")
            _copy_atomically(writer, writer_file(scratch))
        yield scratch
    finally:
        for path in paths:
            path.unlink(missing_ok=True)


@contextmanager
def rebuilding(published: Path) -> Iterator[Path]:
    """A copy of the writer's file to rebuild the derived tables in (`reprocess`): yields the published
    path whose writer's file is that copy. When the block ends without an error the copy replaces the
    writer's file with one rename; on an error it is deleted and the writer's file is as it was, so a
    rebuild is whole or nothing however many batches it loads. The writer's file stays open (locked against
    other processes, such as a curation command) until the copy is renamed over it."""
    writer = writer_file(published)
    work_published = published.with_name(f"{published.stem}.rebuild{published.suffix}")
    work = writer_file(work_published)
    leftovers = (work, work.with_name(work.name + ".wal"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        with connect(writer) as guard:
            guard.execute("checkpoint")
            _copy_atomically(writer, work)
            yield work_published
            with connect(work) as con:
                con.execute("checkpoint")
            guard.execute("checkpoint")
        os.replace(work, writer)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)


def _copy_atomically(source: Path, target: Path) -> None:
    """Copy to a temporary name in the target's folder, fsync, then rename over the target: a reader sees
    the old file or the new one, and a crash leaves at most a stray temporary file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: commit on success, roll back on any error."""
    con.execute("begin transaction")
    try:
        yield
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> Path:
    """Load a DuckDB extension (fts, ducklake) from its PyPI package `duckdb-extension-<name>`, pinned
    with DuckDB itself: this machine cannot download extensions at first use. DuckDB checks the binary's
    signature on load; unsigned extensions are never allowed."""
    try:
        package = importlib.import_module(f"duckdb_extension_{name}")
    except ImportError as exc:
        raise RuntimeError(f"DuckDB extension {name!r} is not installed: pip install "
                           f"duckdb-extension-{name}=={duckdb.__version__}") from exc
    path = (Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}"
            / f"{name}.duckdb_extension")
    if not path.exists():
        raise RuntimeError(f"{path} not found: duckdb-extension-{name} does not match duckdb "
                           f"{duckdb.__version__}")
    con.load_extension(str(path))
    return path


def close_external_access(con: duckdb.DuckDBPyConnection, allowed_directories: tuple[Path, ...] = (),
                          local_files: bool = True) -> None:
    """From now on no statement on this DuckDB instance reaches beyond the databases it has open: no
    ATTACH, no COPY or read_csv/read_parquet of a file, no extension installed or loaded, except files
    under `allowed_directories` (where a command writes its own output); and the configuration is locked,
    so no SET gives any of it back. Load extensions (fts) before calling this.

    DuckDB keeps the paths of the open database files themselves (the file, its .wal, .wal.checkpoint,
    .wal.recovery) and its temp directory writable after that: `COPY ... TO '<the snapshot>'
    (use_tmp_file false)` would overwrite the snapshot. So where statements come from the user (`local_files`
    False: newsetl sql), DuckDB's local file system is switched off altogether; the open files stay readable
    through the handles already open, and a query must then fit in memory (nothing spills to disk)."""
    if allowed_directories:
        con.execute("set allowed_directories = $dirs",
                    {"dirs": [f"{d.resolve()}{os.sep}" for d in allowed_directories]})
    con.execute("set enable_external_access = false")
    if not local_files:
        con.execute("set disabled_filesystems = 'LocalFileSystem'")
    con.execute("set lock_configuration = true")


@contextmanager
def connect_reader(path: Path, wait_seconds: float = 10.0, allowed_directories: tuple[Path, ...] = (),
                   extensions: tuple[str, ...] = ("fts",)) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the published warehouse for newsetl sql, search, export and sources: the
    `extensions` loaded (fts: queries may call fts_main_articles.match_bm25), then external access closed
    and the configuration locked (close_external_access) before any of the caller's statements runs.
    Without `allowed_directories` (a command that writes no file through DuckDB) the local file system is
    switched off too; export, which runs only its own queries, writes under its target folder."""
    with connect(path, read_only=True, wait_seconds=wait_seconds) as con:
        for name in extensions:
            load_extension(con, name)
        close_external_access(con, allowed_directories, local_files=bool(allowed_directories))
        yield con


# --- migrations -------------------------------------------------------------------------------------------

def migration_files() -> list[Path]:
    return sorted(Path(p) for p in glob.glob(str(SQL_DIR / "migrations" / "[0-9][0-9][0-9]_*.sql")))


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply each migration not yet recorded in schema_migrations, each in its own transaction.
    Returns the names applied. A recorded migration whose file changed is an error: migrations are
    never edited, a new one is added."""
    con.execute("""create table if not exists schema_migrations (
        version integer primary key, name varchar not null, checksum varchar not null,
        applied_at timestamp not null default current_timestamp)""")
    applied = dict(con.execute("select version, checksum from schema_migrations").fetchall())
    done = []
    for file in migration_files():
        version = int(file.name[:3])
        text = file.read_text(encoding="utf-8")
        checksum = hashlib.sha256(text.encode()).hexdigest()
        if version in applied:
            if applied[version] != checksum:
                raise RuntimeError(f"migration {file.name} was edited after it was applied; add a new "
                                   "migration instead")
            continue
        with transaction(con):
            con.execute(text)
            if version in BACKFILLS:
                BACKFILLS[version](con)
            con.execute("insert into schema_migrations (version, name, checksum, applied_at) "
                        "values (?, ?, ?, ?)", [version, file.stem, checksum, clock.now()])
        done.append(file.name)
    return done


# --- views and checks -------------------------------------------------------------------------------------

def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create every view in sql/views/, all in one transaction (all or nothing): the views and their
    comments are some 300 statements, and a commit for each cost a run about a second. Files need no
    ordering prefix: a view that reads one not created yet (a new warehouse, a new view) fails its
    attempt, which is rolled back and tried again with that file last; a file that fails even when last
    raises its error. Returns the view files' names in the order applied."""
    order = sorted((SQL_DIR / "views").glob("*.sql"))
    while True:
        done = 0  # files applied in this attempt
        try:
            with transaction(con):
                for file in order:
                    con.execute(file.read_text(encoding="utf-8"))
                    done += 1
            return [file.stem for file in order]
        except duckdb.CatalogException:
            if done == len(order) - 1:  # every other view is there: this one is wrong
                raise
            order = [*order[:done], *order[done + 1:], order[done]]


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each check in sql/checks/ returns the rows breaking its rule: name -> number of such rows."""
    return {file.stem: len(con.execute(file.read_text(encoding="utf-8")).fetchall())
            for file in sorted((SQL_DIR / "checks").glob("*.sql"))}


def stale_feeds(con: duckdb.DuckDBPyConnection, hours: float) -> list[dict]:
    """Feeds with no new article for more than `hours` hours (analytics.source_freshness)."""
    return con.execute(sql_text("read/stale_feeds.sql"), {"hours": hours}).pl().to_dicts()


def record_checks(con: duckdb.DuckDBPyConnection, run_id: str, results: dict[str, int],
                  checked_at: datetime) -> None:
    statement = sql_text("load/check_results.sql")
    with transaction(con):
        for name, failing in results.items():
            con.execute(statement, {"run_id": run_id, "check_name": name, "failing_rows": failing,
                                    "checked_at": checked_at})


# --- the search index -------------------------------------------------------------------------------------

def build_search_index(con: duckdb.DuckDBPyConnection) -> float:
    """Build the BM25 full-text index over article titles and bodies from scratch. Returns seconds."""
    started = time.monotonic()
    load_extension(con, "fts")
    con.execute(sql_text("search/build_index.sql"))
    return time.monotonic() - started


def update_search_index(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> float:
    """Bring the index up to date with these new or changed articles, in one transaction. DuckDB's fts
    extension does not maintain its index on insert and rebuilding it costs ~0.1-0.4 ms an article
    (2-7 s at 20,000 here), so only the batch's articles are indexed (sql/search/update_index.sql);
    without an index yet, it is built. Returns seconds."""
    if not has_search_index(con):
        return build_search_index(con)
    started = time.monotonic()
    load_extension(con, "fts")
    with transaction(con):
        _index_articles(con, article_ids)
    return time.monotonic() - started


def _index_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """sql/search/update_index.sql, inside the caller's transaction (the fts extension loaded)."""
    for statement in split_statements(sql_text("search/update_index.sql")):
        con.execute(statement, {"article_ids": article_ids} if "$article_ids" in statement else None)


def unindexed_articles(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Articles missing from the search index (left by a warehouse older than the in-load indexing)."""
    return [r[0] for r in con.execute(sql_text("read/unindexed_articles.sql")).fetchall()]


def has_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("select count(*) from duckdb_schemas() where schema_name = 'fts_main_articles'"
                       ).fetchone()[0] > 0


# --- reads the flow needs ---------------------------------------------------------------------------------

def known_articles(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every stored article as the flow knows it (sql/read/known_articles.sql): the transforms' columns
    (transforms.dedupe.KNOWN_SCHEMA) and the feed_id and source_id it came through, in one scan."""
    return con.execute(sql_text("read/known_articles.sql")).pl()


def recent_signatures(con: duckdb.DuckDBPyConnection, since: datetime) -> pl.DataFrame:
    return con.execute(sql_text("read/recent_signatures.sql"), {"since": since}).pl()


def recent_article_entities(con: duckdb.DuckDBPyConnection, since: datetime) -> pl.DataFrame:
    return con.execute(sql_text("read/recent_article_entities.sql"), {"since": since}).pl()


def known_entities(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(entities, entity_aliases) as stored."""
    return (con.execute(sql_text("read/known_entities.sql")).pl(),
            con.execute(sql_text("read/known_entity_aliases.sql")).pl())


def entity_decisions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None, list[str]]]:
    return con.execute(sql_text("read/entity_decisions.sql")).fetchall()


def page_retries(con: duckdb.DuckDBPyConnection, now: datetime, limit: int,
                 base_hours: float) -> dict[str, str]:
    """URL -> feed_id of the stored articles whose page is due to be fetched again
    (sql/read/page_retries.sql)."""
    rows = con.execute(sql_text("read/page_retries.sql"),
                       {"now": now, "limit": limit, "base_hours": base_hours}).fetchall()
    return {url: feed_id for feed_id, url in rows}


def known_source_aliases(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.execute(sql_text("read/known_source_aliases.sql")).pl()


def feed_validators(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None, str | None]]:
    """feed_id -> (ETag, Last-Modified, body SHA-256) of its last good fetch."""
    rows = con.execute(sql_text("read/feed_validators.sql")).fetchall()
    return {feed_id: tuple(rest) for feed_id, *rest in rows}


def feed_settings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """feed_id -> the SHA-256 of the settings it was last read with (feeds.settings_sha256)."""
    return dict(con.execute(sql_text("read/feed_settings.sql")).fetchall())


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(sql_text("read/table_counts.sql")).fetchall())


# --- the load ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LoadResult:
    before: dict[str, int]
    after: dict[str, int]
    search_index_seconds: float | None = None   # the batch indexed for search in the same transaction
    aggregates_seconds: float = 0.0             # the entity aggregates refreshed in the same transaction

    def added(self, table: str) -> int:
        return self.after[table] - self.before[table]


# Every statement of sql/load/ inserts, updates or deletes by the rows of the stage tables it reads: one
# whose stage tables are all empty (most of them, in a run that found nothing new) has nothing to do.
_STAGE_TABLE = re.compile(r"\bstage_\w+")

# A fault injected for tests that prove a crash inside the load leaves nothing behind: the name of a table
# after which every load raises (set by the test, in the process that runs the flow; None in use).
CRASH_AFTER_TABLE: str | None = None


def load_batch(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame], loaded_at: datetime,
               fail_after: str | None = None, rebuild: bool = False,
               index_ids: list[str] | None = None) -> LoadResult:
    """Load one batch in one transaction: every table or none. `frames` maps a table name to its stage
    frame (see LOAD_ORDER); missing ones are skipped. `fail_after` names a table after which to raise
    (default CRASH_AFTER_TABLE), for tests that prove a crash leaves nothing behind. `rebuild`
    (reprocess) first empties the derived tables, in the same transaction. `index_ids`: articles to
    (re)index for search in the same transaction, so a batch is never loaded without being searchable
    (when there is an index to update; the caller builds a missing one)."""
    fail_after = fail_after or CRASH_AFTER_TABLE
    before = table_counts(con)
    staged = [t for t in LOAD_ORDER if frames.get(t) is not None]
    indexing = bool(index_ids) and not rebuild and has_search_index(con)
    if indexing:
        load_extension(con, "fts")
    index_seconds = None
    for table in staged:  # every stage frame is visible to every statement (children read parents)
        con.register(f"stage_{table}", frames[table])
    with_rows = {f"stage_{t}" for t in staged if not frames[t].is_empty()}
    try:
        with transaction(con):
            if rebuild:
                for statement in split_statements(sql_text("load/clear_derived.sql")):
                    con.execute(statement)
            articles = "stage_articles" in with_rows  # the entity aggregates follow the articles' changes
            with refreshing_aggregates(con, "changes_of_articles" if articles else None) as cost:
                for table in staged:
                    for statement in split_statements(sql_text(f"load/{table}.sql")):
                        if not with_rows.intersection(_STAGE_TABLE.findall(statement)):
                            continue  # it inserts, updates or deletes by stage rows: there are none
                        params = {"loaded_at": loaded_at} if "$loaded_at" in statement else None
                        con.execute(statement, params)
                    if fail_after == table:
                        raise RuntimeError(f"injected failure after loading {table}")
            if indexing:
                started = time.monotonic()
                _index_articles(con, index_ids)
                index_seconds = time.monotonic() - started
    finally:
        for table in staged:
            con.unregister(f"stage_{table}")
    return LoadResult(before, table_counts(con), index_seconds, cost.seconds)


# --- the entity aggregates ---------------------------------------------------------------------------------

@dataclass
class AggregateCost:
    seconds: float = 0.0   # spent gathering the changes and refreshing the aggregates


@contextmanager
def refreshing_aggregates(con: duckdb.DuckDBPyConnection, changes: str | None,
                          **params) -> Iterator[AggregateCost]:
    """Keep the entity aggregates (entity_day_counts, entity_week_counts, entity_outlet_counts) and
    entity_articles true across the change made in the block, inside the caller's transaction: the
    article-entity rows that sql/aggregates/<changes>.sql selects are gathered before the block (what it may
    take away) and after it (what it put in), sql/aggregates/refresh.sql applies the difference, and the
    tables whose appended rows pass SORT_SHARE are sorted again (sort_by_entity). `changes` None: the block
    touches no article or mention. Yields the time it costs (filled when the block ends)."""
    cost = AggregateCost()
    if changes is None:
        yield cost
        return
    started = time.monotonic()
    gather = sql_text(f"aggregates/{changes}.sql")
    con.execute(sql_text("aggregates/changes_start.sql"))
    con.execute(gather, {"sign": -1, **params})
    cost.seconds = time.monotonic() - started
    yield cost
    started = time.monotonic()
    con.execute(gather, {"sign": 1, **params})
    for statement in split_statements(sql_text("aggregates/refresh.sql")):
        appended = con.execute(statement).fetchall()
        into = _INSERT_INTO.match(_code(statement))
        if into and appended:
            con.execute(sql_text("aggregates/layout_appended.sql"),
                        {"rows": appended[0][0], "table_name": into.group(1)})
    sort_by_entity(con)
    cost.seconds += time.monotonic() - started


SORT_SHARE = 0.2        # a table kept sorted by entity is sorted again when this share of it is unsorted
SORT_MIN_ROWS = 50_000  # ... and at least this many rows are (small tables are cheap to scan anyway)
_INSERT_INTO = re.compile(r"insert into (\w+)")


def _code(statement: str) -> str:
    """A statement without its comment lines ('' for comments only)."""
    return "\n".join(line for line in statement.splitlines() if not line.lstrip().startswith("--")).strip()


def sort_by_entity(con: duckdb.DuckDBPyConnection, force: bool = False) -> list[str]:
    """Write the tables read one entity at a time (the entity aggregates, entity_articles) again sorted by
    entity_id when the rows appended since they were last sorted pass SORT_SHARE of them (with `force`,
    every one with appended rows), in the caller's transaction, so that DuckDB's min/max per row group skips
    the rest of the table for one entity. Returns the tables sorted."""
    done = []
    for table, unsorted, rows in con.execute(sql_text("aggregates/layout.sql")).fetchall():
        if unsorted and (force or (unsorted >= SORT_MIN_ROWS and unsorted > SORT_SHARE * rows)):
            for statement in split_statements(sql_text(f"aggregates/sort_{table}.sql")):
                con.execute(statement, {"sorted_at": clock.now()}
                            if "$sorted_at" in statement else None)
            done.append(table)
    return done


def recount_aggregates(con: duckdb.DuckDBPyConnection) -> float:
    """Count the entity aggregates again from every mention, in one transaction (for a warehouse filled
    outside the load, as bench/gen_warehouse.py does). Returns seconds."""
    started = time.monotonic()
    with transaction(con):
        _count_aggregates(con)
    return time.monotonic() - started


def _count_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the entity aggregates and entity_articles, count them from every mention and sort them by
    entity, in the caller's transaction (the refresh sorts the large ones; the rest are sorted here)."""
    for statement in split_statements(sql_text("aggregates/clear.sql")):
        con.execute(statement)
    with refreshing_aggregates(con, "changes_of_everything"):
        pass
    sort_by_entity(con, force=True)


# Migrations whose new tables are filled from the rows already there by the code the load runs (so that
# logic has one place): version -> function, called in the migration's transaction right after its file.
# 009 made the aggregates, 010 entity_articles and the sorting they all need: 010 fills them all.
BACKFILLS = {10: _count_aggregates}


def split_statements(text: str) -> list[str]:
    """The statements of a load file (they are separated by ';' at line ends; no ';' inside strings)."""
    return [s.strip() for s in text.split(";\n") if _code(s)]


def running_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r for (r,) in con.execute(sql_text("load/runs_running.sql")).fetchall()]


def record_run_started(con: duckdb.DuckDBPyConnection, alive: list[str] = (), **params) -> int:
    """Record this run as running; runs still marked running, other than the `alive` ones (between their
    start and their merge), are ones that were killed or crashed (the caller holds the warehouse's ingest
    lock): they are marked interrupted. Returns how many were."""
    interrupted = con.execute(sql_text("load/runs_interrupted.sql"),
                              {"run_id": params["run_id"], "now": params["started_at"],
                               "alive": list(alive)}).fetchall()
    con.execute(sql_text("load/run_started.sql"), params)
    return len(interrupted)


def record_run_finished(con: duckdb.DuckDBPyConnection, **params) -> None:
    con.execute(sql_text("load/run_finished.sql"), params)


def record_run_skipped(con: duckdb.DuckDBPyConnection, **params) -> None:
    con.execute(sql_text("load/run_skipped.sql"), params)


def record_fetches(con: duckdb.DuckDBPyConnection, fetches: pl.DataFrame) -> None:
    """Fetch log of a run whose load failed: kept so the failure can be diagnosed."""
    with transaction(con):
        con.register("stage_fetches", fetches)
        try:
            con.execute(sql_text("load/fetches.sql"))
        finally:
            con.unregister("stage_fetches")
