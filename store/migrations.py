"""The schema: migrations (sql/migrations/, each applied once in its own transaction and never edited
afterwards) and the views (sql/views/, created again in one transaction by every run)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from newsetl import clock
from store.aggregates import count_aggregates
from store.connection import checkpoint, transaction
from store.load import mark_mojibake
from store.sql import run_file, split_statements, sql_files, sql_text, without_comments


def migration_files() -> list[Path]:
    return sql_files("migrations", "[0-9][0-9][0-9]_*.sql")


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply each migration not yet recorded in schema_migrations, each in its own transaction, then
    checkpoint them into the file. Returns the names applied. A recorded migration whose file changed is an
    error: migrations are never edited, a new one is added. On a lake the schema follows the migrations as
    store/lake.py says."""
    from store import lake
    if lake.is_lake(con):
        return lake.migrate(con, migration_files(), apply_migrations, BACKFILLS)
    done = apply_migrations(con)
    if done:
        # into the file at once: DuckDB 1.5 cannot replay some DDL from its write-ahead log (the column
        # comments of 008 and 011, on tables whose defaults call a function: duckdb/duckdb#19712), so a
        # process killed before its close's checkpoint left a file that no one could open again
        checkpoint(con)
    return done


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """migrate's work on `con`'s current database (the embedded file, or the in-memory reference a lake's
    migration builds, store/lake.py): each pending migration in its own transaction, with its backfill."""
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
    raises its error. Returns the view files' names in the order applied. A lake takes no comment on a
    view's column: there those statements are left out (the view's own comment stays)."""
    from store import lake
    on_lake = lake.is_lake(con)
    order = sql_files("views")
    while True:
        done = 0  # files applied in this attempt
        try:
            with transaction(con):
                for file in order:
                    text = file.read_text(encoding="utf-8")
                    if on_lake:
                        for statement in split_statements(text):
                            if not without_comments(statement).startswith("comment on column"):
                                con.execute(statement)
                    else:
                        con.execute(text)
                    done += 1
            return [file.stem for file in order]
        except duckdb.CatalogException:
            if done == len(order) - 1:  # every other view is there: this one is wrong
                raise
            order = [*order[:done], *order[done + 1:], order[done]]


def views_digest(on_lake: bool) -> str:
    """SHA-256 over the view files' names and texts, and the backend (a lake leaves out column comments)."""
    digest = hashlib.sha256(b"lake" if on_lake else b"file")
    for file in sql_files("views"):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def apply_views_if_changed(con: duckdb.DuckDBPyConnection) -> bool:
    """apply_views, unless the views are already as sql/views/ makes them: the digest recorded when they
    were last applied (views_applied) is the files' digest now, and as many analytics views are there as
    then (one dropped by hand is made again). A run's views cost 0.1 s on the embedded file and 0.5 s on a
    lake, a third of a lake's run that finds nothing new. Returns whether they were applied."""
    from store import lake

    digest = views_digest(lake.is_lake(con))
    recorded, views, present = con.execute(sql_text("read/views_applied.sql")).fetchone()
    if recorded == digest and views == present:
        return False
    apply_views(con)
    with transaction(con):
        run_file(con, "load/views_applied.sql", {"sha256": digest, "applied_at": clock.now()})
    return True


# Migrations whose new tables are filled from the rows already there by the code the load runs (so that
# logic has one place): version -> function, called in the migration's transaction right after its file.
# 009 made the aggregates, 010 entity_articles and the sorting they all need: 010 fills them all. 021 added
# articles.has_mojibake, which the load sets for the rows it writes.
BACKFILLS = {10: count_aggregates, 21: mark_mojibake}
