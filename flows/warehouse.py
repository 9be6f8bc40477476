"""The DuckDB layer: connections, migrations, the one-transaction load, views, checks, run records.

All SQL lives in sql/ (migrations/, load/, views/, checks/); this module only reads those files, binds
parameters and registers polars frames as `stage_<table>` for the load statements to read. Connections
are opened for short windows (one task) so that other processes can open the file in between.
"""

from __future__ import annotations

import glob
import hashlib
import importlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
log = logging.getLogger(__name__)

# Load order: parents before children, so a check after the load never sees a dangling key.
LOAD_ORDER = ("sources", "source_aliases", "feeds", "articles", "story_merges", "article_versions",
              "article_signatures", "entities", "entity_aliases", "article_entities", "fetches")


class LockedError(RuntimeError):
    """The warehouse file is held by another process for longer than we were willing to wait."""


def sql_text(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


@contextmanager
def connect(path: Path, read_only: bool = False, wait_seconds: float = 30.0) -> Iterator[
        duckdb.DuckDBPyConnection]:
    """A connection to the warehouse file, retried while another process holds its lock."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                if "lock" in str(exc).lower():
                    raise LockedError(f"{path} is locked by another process: {exc}") from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    try:
        yield con
    finally:
        con.close()


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
            con.execute("insert into schema_migrations (version, name, checksum) values (?, ?, ?)",
                        [version, file.stem, checksum])
        done.append(file.name)
    return done


# --- views and checks -------------------------------------------------------------------------------------

def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create every view in sql/views/. A view that reads another view is retried after the others,
    so files need no ordering prefix."""
    pending = sorted((SQL_DIR / "views").glob("*.sql"))
    applied: list[str] = []
    while pending:
        failed = []
        for file in pending:
            try:
                con.execute(file.read_text(encoding="utf-8"))
                applied.append(file.stem)
            except duckdb.CatalogException:
                failed.append(file)
        if len(failed) == len(pending):
            con.execute(failed[0].read_text(encoding="utf-8"))  # raises the real error
        pending = failed
    return applied


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each check in sql/checks/ returns the rows breaking its rule: name -> number of such rows."""
    return {file.stem: len(con.execute(file.read_text(encoding="utf-8")).fetchall())
            for file in sorted((SQL_DIR / "checks").glob("*.sql"))}


def record_checks(con: duckdb.DuckDBPyConnection, run_id: str, results: dict[str, int],
                  checked_at: datetime) -> None:
    statement = sql_text("load/check_results.sql")
    with transaction(con):
        for name, failing in results.items():
            con.execute(statement, {"run_id": run_id, "check_name": name, "failing_rows": failing,
                                    "checked_at": checked_at})


# --- reads the flow needs ---------------------------------------------------------------------------------

def known_articles(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
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


def known_source_aliases(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.execute(sql_text("read/known_source_aliases.sql")).pl()


def feed_validators(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None, str | None]]:
    """feed_id -> (ETag, Last-Modified, body SHA-256) of its last good fetch."""
    rows = con.execute(sql_text("read/feed_validators.sql")).fetchall()
    return {feed_id: tuple(rest) for feed_id, *rest in rows}


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(sql_text("read/table_counts.sql")).fetchall())


# --- the load ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LoadResult:
    before: dict[str, int]
    after: dict[str, int]

    def added(self, table: str) -> int:
        return self.after[table] - self.before[table]


def load_batch(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame], loaded_at: datetime,
               fail_after: str | None = None, rebuild: bool = False) -> LoadResult:
    """Load one batch in one transaction: every table or none. `frames` maps a table name to its stage
    frame (see LOAD_ORDER); missing ones are skipped. `fail_after` names a table after which to raise,
    for tests that prove a crash leaves nothing behind. `rebuild` (reprocess) first empties the derived
    tables, in the same transaction."""
    before = table_counts(con)
    staged = [t for t in LOAD_ORDER if frames.get(t) is not None]
    for table in staged:  # every stage frame is visible to every statement (children read parents)
        con.register(f"stage_{table}", frames[table])
    try:
        with transaction(con):
            if rebuild:
                for statement in split_statements(sql_text("load/clear_derived.sql")):
                    con.execute(statement)
            for table in staged:
                for statement in split_statements(sql_text(f"load/{table}.sql")):
                    params = {"loaded_at": loaded_at} if "$loaded_at" in statement else None
                    con.execute(statement, params)
                if fail_after == table:
                    raise RuntimeError(f"injected failure after loading {table}")
    finally:
        for table in staged:
            con.unregister(f"stage_{table}")
    return LoadResult(before, table_counts(con))


def split_statements(text: str) -> list[str]:
    """The statements of a load file (they are separated by ';' at line ends; no ';' inside strings)."""
    return [s.strip() for s in text.split(";\n") if s.strip() and not _only_comments(s)]


def _only_comments(statement: str) -> bool:
    return all(line.strip().startswith("--") or not line.strip() for line in statement.splitlines())


def record_run_started(con: duckdb.DuckDBPyConnection, **params) -> None:
    con.execute(sql_text("load/run_started.sql"), params)


def record_run_finished(con: duckdb.DuckDBPyConnection, **params) -> None:
    con.execute(sql_text("load/run_finished.sql"), params)


def record_fetches(con: duckdb.DuckDBPyConnection, fetches: pl.DataFrame) -> None:
    """Fetch log of a run whose load failed: kept so the failure can be diagnosed."""
    with transaction(con):
        con.register("stage_fetches", fetches)
        try:
            con.execute(sql_text("load/fetches.sql"))
        finally:
            con.unregister("stage_fetches")
