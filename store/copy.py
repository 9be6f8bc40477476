"""`newsetl warehouse copy SRC DST`: every row of one warehouse into another that is empty, either way
between the embedded file and a lake. The destination is migrated first, the source must follow the same
migrations, and the rows go in one transaction (all or nothing); then the destination's search index is
built, its views made and it is published."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from store.connection import connect_writer, holding_writer, publish, transaction
from store.lake import Lake, LakeError, attach_source, quoted
from store.migrations import apply_views, migrate, migration_files
from store.reads import table_counts
from store.search import build_search_index
from store.sql import sql_text


class CopyError(RuntimeError):
    """A copy that cannot be made; the message says why."""


def copy_warehouse(source: Path | Lake, target: Path | Lake) -> dict[str, int]:
    """Copy every table of `source` (a published DuckDB file, or a lake at its published snapshot) into
    `target`, which must hold no article yet. Returns the target's rows per core table afterwards."""
    if source == target:
        raise CopyError("the source and the destination are the same warehouse")
    if isinstance(source, Path) and not source.exists():
        raise CopyError(f"no warehouse at {source}")
    started = time.monotonic()
    with holding_writer(target), connect_writer(target) as con:
        migrate(con)
        if table_counts(con)["articles"]:
            raise CopyError(f"{target} already holds articles: a copy goes into an empty warehouse")
        try:
            attach_source(con, source)
        except (duckdb.Error, LakeError) as exc:
            raise CopyError(f"cannot open the source {source}: {exc}") from exc
        newest = int(migration_files()[-1].name[:3])
        version = con.execute(sql_text("lake/copy_source_version.sql")).fetchone()[0]
        if version != newest:
            raise CopyError(f"the source follows migration {version}, this newsetl {newest}: run "
                            "`newsetl run` on it first")
        tables = [t for (t,) in con.execute(sql_text("lake/copy_tables.sql")).fetchall()]
        seeded = rows_of_migrations()
        if written := sorted(filled_tables(con, tables) - seeded):
            raise CopyError(f"{target} already holds rows in {', '.join(written)}: a copy goes into an "
                            "empty warehouse")
        with transaction(con):
            for table in tables:  # names from the destination's own catalog, quoted
                name = quoted(table)
                if table in seeded:  # rows a migration put there: the source has them too
                    con.execute(f"delete from main.{name}")
                con.execute(f"insert into main.{name} by name select * from source.main.{name}")
        con.execute("detach source")
        build_search_index(con)
        apply_views(con)
        counts = table_counts(con)
        publish(con, target)
    counts["seconds"] = round(time.monotonic() - started, 3)
    return counts


def filled_tables(con: duckdb.DuckDBPyConnection, tables: list[str]) -> set[str]:
    """Those of `tables` (names from the catalog of `con`'s default database) that hold a row."""
    return {t for t in tables if con.execute(f"select exists (from main.{quoted(t)})").fetchone()[0]}


def rows_of_migrations() -> set[str]:
    """The tables the migrations themselves put rows in (aggregate_layout's): a fresh warehouse holds them,
    and a copy replaces them with the source's."""
    with duckdb.connect() as fresh:
        migrate(fresh)
        tables = [t for (t,) in fresh.execute(sql_text("lake/copy_tables.sql")).fetchall()]
        return filled_tables(fresh, tables)
