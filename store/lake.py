"""The DuckLake backend: the warehouse's tables in a lake (catalog in PostgreSQL, data as Parquet files on a
local path, a shared file system or S3), for a team whose workers and merges run on several machines.
Chosen by NEWSETL_WAREHOUSE=ducklake:postgres:<libpq connection string>; the embedded file stays the
default.

Every statement the embedded warehouse runs runs here too: a connection attaches the lake as `lake` and
makes it the default catalog, so sql/ reads and writes the same unqualified tables. What differs:

- the schema: a lake has no primary key, unique constraint or index, so the migrations (written for the
  embedded file, and never edited) are applied to an empty in-memory database and the lake's tables made to
  follow it: missing tables and columns added with their types, NOT NULL, defaults and comments
  (`migrate`). Uniqueness is held by the single merge (the load's MERGE INTO reads its stage rows distinct
  on the key) and by the checks. A migration's data changes reach a lake only through its backfill.
- the search index: the fts extension's index cannot live in a lake, so it lives in a small DuckDB file
  beside the published path (`search_file`), attached as `search`, written by the merge and published as
  the embedded file is (a copy renamed over the readers' file). It is updated after the load's commit, in
  its own transaction (DuckDB writes to one database per transaction); an article a crash left unindexed
  is indexed by the next run (store/search.py unindexed_articles).
- publishing: the merge's commits are the lake's snapshots; `publish` writes the current snapshot's id into
  the search file and publishes that file. Readers open the published search file and attach the lake
  read-only at that snapshot, so they see the last published run, never a half of one.
- sorting: the tables kept sorted by entity are declared SET SORTED BY (the lake sorts what it writes)
  instead of being rewritten by sort_by_entity.

ATTACH takes no bound parameters: the catalog and data path (the user's settings, never fetched data) are
written into it as SQL string literals by `sql_literal`, the one place that quotes.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import duckdb

from newsetl import clock
from newsetl.config import Lake, LakeError  # where a lake is: configuration (re-exported here)
from store.connection import close_external_access, copy_atomically, load_extension, transaction
from store.sql import run_file, split_statements, sql_text

REFERENCE = "newsetl_reference"   # the in-memory database the embedded migrations make the schema in


def sql_literal(value: str) -> str:
    """`value` as a SQL string literal: for ATTACH, which takes no bound parameter. Only for settings."""
    if "\x00" in value:
        raise LakeError("a NUL character cannot be written in a SQL string")
    return "'" + value.replace("'", "''") + "'"


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether `con`'s default catalog is a lake."""
    row = con.execute("select type from duckdb_databases() where database_name = current_database()"
                      ).fetchone()
    return row is not None and row[0] == "ducklake"


def _load_extensions(con: duckdb.DuckDBPyConnection, lake: Lake, fts: bool = True) -> None:
    for name in ("ducklake", "postgres_scanner", *(("httpfs",) if "://" in lake.data_path else ()),
                 *(("fts",) if fts else ())):
        load_extension(con, name)
    if lake.data_path.startswith("s3://"):
        configure_s3(con)


# the AWS SDKs' own variables -> DuckDB's S3 settings (httpfs)
_S3_SETTINGS = (("AWS_ACCESS_KEY_ID", "s3_access_key_id"), ("AWS_SECRET_ACCESS_KEY", "s3_secret_access_key"),
                ("AWS_SESSION_TOKEN", "s3_session_token"), ("AWS_REGION", "s3_region"),
                ("AWS_DEFAULT_REGION", "s3_region"))


def configure_s3(con: duckdb.DuckDBPyConnection) -> None:
    """DuckDB's S3 settings from the AWS SDKs' environment variables (AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, and AWS_ENDPOINT_URL for an S3-compatible
    store such as MinIO: path-style URLs there), values bound as parameters."""
    for variable, setting in _S3_SETTINGS:
        if os.environ.get(variable):
            con.execute(f"set {setting} = $value", {"value": os.environ[variable]})  # names: our constant
    if endpoint := os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL"):
        scheme, _, host = endpoint.rstrip("/").partition("://")
        if not host or scheme not in ("http", "https"):
            raise LakeError(f"AWS_ENDPOINT_URL={endpoint!r}: expected http(s)://host[:port]")
        con.execute("set s3_endpoint = $host", {"host": host})
        con.execute("set s3_use_ssl = $ssl", {"ssl": scheme == "https"})
        con.execute("set s3_url_style = 'path'")


def _attach_lake(con: duckdb.DuckDBPyConnection, lake: Lake, options: str,
                 catalog: str | None = None) -> None:
    path = sql_literal("ducklake:postgres:" + (catalog or lake.catalog))
    try:
        con.execute(f"attach {path} as lake ({options})")
    except duckdb.Error as exc:
        raise LakeError(f"cannot attach the lake {lake.describe()}: {exc}") from exc
    use_lake(con)


@contextmanager
def connect_writer(lake: Lake) -> Iterator[duckdb.DuckDBPyConnection]:
    """The merge's connection: the lake attached read-write as `lake` (the default catalog) and the writer's
    search file as `search`. Only under the merge lock (flows/pg_lock.py): the search file admits one
    process."""
    con = duckdb.connect()
    try:
        _load_extensions(con, lake)
        lake.writer_search_file.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"attach {sql_literal(str(lake.writer_search_file))} as search")
        con.execute("create schema if not exists search.fts_main_articles")
        data = lake.data_path if "://" in lake.data_path else str(Path(lake.data_path).resolve()) + "/"
        if "://" not in lake.data_path:
            Path(data).mkdir(parents=True, exist_ok=True)
        _attach_lake(con, lake, f"data_path {sql_literal(data)}")
        con.execute(sql_text("lake/published_create.sql"))
        yield con
    finally:
        con.close()


def published_snapshot(con: duckdb.DuckDBPyConnection) -> int | None:
    """The lake snapshot the attached search file was published with (None: nothing published yet)."""
    return con.execute(sql_text("lake/published_read.sql")).fetchone()[0]


@contextmanager
def connect_reader(lake: Lake, allowed_directories: tuple[Path, ...] = (), user_statements: bool = False
                   ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A reader's connection (attach_published), then external access closed: the lake's data files stay
    readable (a local data path is an allowed directory). `user_statements` (newsetl sql): refused unless
    the catalog role cannot write the catalog (sql/lake/catalog_writable.sql), since DuckDB's postgres
    functions send the catalog database any statement."""
    con = duckdb.connect()
    try:
        attach_published(con, lake)
        if user_statements:
            refuse_writable_reader(con, lake)
        close_external_access(con, (*allowed_directories, *readable_directories(lake)), local_files=True)
        yield con
    finally:
        con.close()


def refuse_writable_reader(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """Raise unless this reader can change nothing of the lake, for a connection that runs the user's
    statements: its catalog role cannot write the catalog (DuckDB's postgres functions send the catalog
    database any statement), and a local data folder is not writable by this process (DuckDB must be
    allowed that folder to read the lake's files, and what it may read there a COPY may write)."""
    if con.execute(sql_text("lake/catalog_writable.sql")).fetchone()[0]:
        raise LakeError("the lake's readers connect with a PostgreSQL role that can write its catalog: set "
                        "NEWSETL_WAREHOUSE_READER=ducklake:postgres:... with a role that can only read it "
                        "(README: a shared warehouse)")
    for folder in readable_directories(lake):
        if isinstance(folder, Path) and os.access(folder, os.W_OK):
            raise LakeError(f"this process can write the lake's data folder {folder}: run user queries as a "
                            "user that can only read it (or keep the data on S3 with read-only credentials)")


def attach_published(con: duckdb.DuckDBPyConnection, lake: Lake) -> int:
    """Attach the published search file and the lake, both read-only, the lake at the snapshot published
    with that file (through reader_catalog when set), and make the lake the default catalog (use_lake).
    Returns the snapshot's id."""
    if not lake.search_file.exists():
        raise LakeError(f"{lake.search_file}: nothing published yet (run `newsetl run` first)")
    _load_extensions(con, lake)
    con.execute(f"attach {sql_literal(str(lake.search_file))} as search (read_only)")
    snapshot = published_snapshot(con)
    if snapshot is None:
        raise LakeError(f"{lake.search_file} names no published lake snapshot")
    _attach_lake(con, lake, f"read_only, snapshot_version {int(snapshot)}", lake.reader_catalog)
    return int(snapshot)


def readable_directories(lake: Lake) -> tuple[Path | str, ...]:
    """Where a reader of the lake must read once external access is closed: its data folder, or its data
    URL's prefix (s3://bucket/prefix/)."""
    if "://" in lake.data_path:
        return (lake.data_path if lake.data_path.endswith("/") else lake.data_path + "/",)
    return (Path(lake.data_path),)


def use_lake(con: duckdb.DuckDBPyConnection) -> None:
    """The lake as the default catalog of `con` (a connection, or a cursor of one: each has its own), with
    the search file's index schema on the search path."""
    con.execute("use lake")
    # unqualified names are the lake's; fts_main_articles (the index and its macros) is the search file's
    has_index = con.execute("select count(*) from duckdb_schemas() where database_name = 'search' and "
                            "schema_name = 'fts_main_articles'").fetchone()[0]
    con.execute("set search_path = 'lake.main,search.fts_main_articles,search.main'" if has_index else
                "set search_path = 'lake.main,search.main'")


def publish(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """Publish the lake's current snapshot with the search index: the snapshot's id written into the
    writer's search file, which is checkpointed and copied over the readers' one (one rename)."""
    with transaction(con):
        run_file(con, "lake/published_record.sql", {"published_at": clock.now()})
    con.execute("checkpoint search")
    copy_atomically(lake.writer_search_file, lake.search_file)


# --- the schema -------------------------------------------------------------------------------------------

def migrate(con: duckdb.DuckDBPyConnection, migration_files: list[Path], migrate_embedded,
            backfills: dict) -> list[str]:
    """Make the lake's schema follow the migrations: the ones not recorded in the lake's schema_migrations
    are applied to an empty in-memory database (`migrate_embedded`, store/migrations.py), and the lake gets
    every table and column that database has beyond its own, in one transaction, with the versions
    recorded and their backfills (store/migrations.py BACKFILLS) run on the lake's rows. A recorded
    migration whose file changed is an error, as on the embedded file."""
    con.execute(sql_text("lake/schema_migrations.sql"))
    applied = dict(con.execute(sql_text("lake/applied_migrations.sql")).fetchall())
    pending = []
    for file in migration_files:
        version, checksum = int(file.name[:3]), hashlib.sha256(file.read_bytes()).hexdigest()
        if version not in applied:
            pending.append((version, file.stem, checksum, file.name))
        elif applied[version] != checksum:
            raise RuntimeError(f"migration {file.name} was edited after it was applied; add a new "
                               "migration instead")
    if not pending:
        return []
    con.execute(f"attach ':memory:' as {REFERENCE}")
    try:
        con.execute(f"use {REFERENCE}")
        migrate_embedded(con)
        con.execute("use lake")
        with transaction(con):
            _follow_reference(con)
            for version, name, checksum, _ in pending:
                if version in backfills and applied:  # a new lake's tables are empty: nothing to fill
                    backfills[version](con)
                con.execute(sql_text("lake/record_migration.sql"),
                            {"version": version, "name": name, "checksum": checksum,
                             "applied_at": clock.now()})
    finally:
        con.execute("use lake")
        con.execute(f"detach {REFERENCE}")
    return [p[3] for p in pending]


def quoted(name: str) -> str:
    """An identifier from our own catalog, double-quoted (DDL cannot bind a name)."""
    return '"' + name.replace('"', '""') + '"'


def _follow_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Add to the lake what the reference schema has beyond it. The DDL is written from the reference
    catalog (our own migrations' names, types and defaults), never from data."""
    for (schema,) in con.execute(sql_text("lake/reference_schemas.sql")).fetchall():
        con.execute(f"create schema if not exists {quoted(schema)}")
    have: dict[str, set[str]] = {}
    for table, column in con.execute(sql_text("lake/lake_columns.sql")).fetchall():
        have.setdefault(table, set()).add(column)
    reference = con.execute(sql_text("lake/reference_tables.sql")).fetchall()
    for table, comment in reference:
        columns = con.execute(sql_text("lake/reference_columns.sql"), {"table_name": table}).fetchall()
        if table not in have:
            con.execute(f"create table {quoted(table)} ({', '.join(_column_ddl(c) for c in columns)})")
            con.execute(f"insert into {quoted(table)} select * from {REFERENCE}.main.{quoted(table)}")
            added = columns
        else:
            added = [c for c in columns if c[0] not in have[table]]
            for column in added:
                con.execute(f"alter table {quoted(table)} add column {_column_ddl(column, alter=True)}")
        if comment and table not in have:
            con.execute(f"comment on table {quoted(table)} is {sql_literal(comment)}")
        for name, _, _, _, column_comment in added:
            if column_comment:
                con.execute(f"comment on column {quoted(table)}.{quoted(name)} is "
                            f"{sql_literal(column_comment)}")
    if "aggregate_layout" in {table for table, _ in reference}:  # (from migration 010 on)
        for (table,) in con.execute(sql_text("lake/sorted_tables.sql")).fetchall():
            con.execute(f"alter table {quoted(table)} set sorted by (entity_id)")


def _column_ddl(column: tuple, alter: bool = False) -> str:
    name, data_type, nullable, default, _ = column
    ddl = f"{quoted(name)} {data_type}"
    if default is not None:
        ddl += f" default {default}"
    if not nullable and not alter:  # a column added to rows already there cannot be NOT NULL at once
        ddl += " not null"
    return ddl



# --- maintenance ------------------------------------------------------------------------------------------

def maintain(con: duckdb.DuckDBPyConnection, lake: Lake, keep_hours: float) -> dict[str, float]:
    """Flush inlined rows, merge small files, expire the snapshots committed more than `keep_hours` before
    the newest one (never the published one, which readers are pinned to, nor any after it) and delete the
    files nothing needs (sql/lake/maintain.sql). Under the merge lock: nothing else writes meanwhile.
    Returns each step's seconds and the lake's data files before and after."""

    published = published_snapshot(con)
    newest, published_at = con.execute(sql_text("lake/snapshot_times.sql"),
                                       {"snapshot_id": published}).fetchone()
    cutoff = newest - timedelta(hours=keep_hours)  # in the snapshots' own clock (TIMESTAMPTZ)
    if published_at is not None:
        cutoff = min(cutoff, published_at)
    figures = {"files_before": float(data_file_count(lake))}
    for statement in split_statements(sql_text("lake/maintain.sql")):
        started = time.monotonic()
        con.execute(statement, {"older_than": cutoff} if "$older_than" in statement else None)
        step = statement.split("ducklake_")[1].split("(")[0]
        figures[step] = time.monotonic() - started
    figures["files_after"] = float(data_file_count(lake))
    return figures


def data_file_count(lake: Lake) -> int:
    """Files under a local lake's data path (Parquet data and delete files), whatever the catalog says
    (0 for an object store: not counted)."""
    if "://" in lake.data_path:
        return 0
    return sum(1 for path in Path(lake.data_path).rglob("*") if path.is_file())


def attach_source(con: duckdb.DuckDBPyConnection, source: Path | Lake) -> None:
    """Attach a warehouse read-only as `source` (store/copy.py): a published DuckDB file, or a lake at its
    published snapshot (its search file tells which)."""
    if isinstance(source, Path):
        con.execute(f"attach {sql_literal(str(source))} as source (read_only)")
        return
    _load_extensions(con, source, fts=False)
    if not source.search_file.exists():
        raise LakeError(f"{source.search_file}: the source lake has published nothing")
    with duckdb.connect() as published:  # its search file, read as a reader reads it (attach_published)
        published.execute(f"attach {sql_literal(str(source.search_file))} as search (read_only)")
        snapshot = published_snapshot(published)
    if snapshot is None:
        raise LakeError(f"{source.search_file} names no published lake snapshot")
    con.execute(f"attach {sql_literal('ducklake:postgres:' + source.catalog)} as source "
                f"(read_only, snapshot_version {int(snapshot)})")
