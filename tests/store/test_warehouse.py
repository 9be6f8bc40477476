from datetime import datetime

import duckdb
import polars as pl
import pytest

import store


@pytest.fixture
def con(tmp_path):
    with store.connect(tmp_path / "w.duckdb") as connection:
        yield connection


def test_migrations_apply_once_and_are_recorded(con):
    first = store.migrate(con)
    assert first == [f.name for f in store.migration_files()]
    assert store.migrate(con) == []
    assert con.execute("select count(*) from schema_migrations").fetchone()[0] == len(first)


def test_an_edited_migration_is_refused(con, tmp_path, monkeypatch):
    store.migrate(con)
    edited = tmp_path / "sql"
    (edited / "migrations").mkdir(parents=True)
    for f in store.migration_files():
        (edited / "migrations" / f.name).write_text(f.read_text() + "\n-- edited\n")
    monkeypatch.setattr(store.sql, "SQL_DIR", edited)
    with pytest.raises(RuntimeError, match="was edited after it was applied"):
        store.migrate(con)


def test_views_apply_and_checks_pass_on_an_empty_warehouse(con):
    store.migrate(con)
    views = store.apply_views(con)
    assert {"articles_per_outlet_per_day", "top_entities_per_day", "feed_health"} <= set(views)
    results = store.run_checks(con)
    assert results and not any(results.values())


def test_a_failed_load_leaves_nothing(con):
    store.migrate(con)
    sources = pl.DataFrame({"source_id": ["s1"], "name": ["A"], "outlet_key": ["a"], "domain": [None],
                            "homepage": [None]},
                           schema_overrides={"domain": pl.String, "homepage": pl.String})
    with pytest.raises(RuntimeError, match="injected"):
        store.load_batch(con, {"sources": sources}, datetime(2026, 11, 28), fail_after="sources")
    assert con.execute("select count(*) from sources").fetchone()[0] == 0
    result = store.load_batch(con, {"sources": sources}, datetime(2026, 11, 28))
    assert result.added("sources") == 1
    again = store.load_batch(con, {"sources": sources}, datetime(2026, 11, 29))
    assert again.added("sources") == 0
    assert con.execute("select first_seen_at from sources").fetchone()[0] == datetime(2026, 11, 28)


def test_a_key_met_twice_in_a_batch_is_loaded_once_and_a_stored_one_is_kept(con):
    """The load's MERGE statements insert a key once even when the batch has it twice (as INSERT ... ON
    CONFLICT DO NOTHING did; on a lake no primary key would catch it) and leave a stored row as it was."""
    store.migrate(con)
    entities = pl.DataFrame({"entity_id": ["e1", "e1", "e2"], "canonical_name": ["Putin", "Putin", "Lavrov"],
                             "entity_type": ["person", "person", "person"]})
    aliases = pl.DataFrame({"entity_id": ["e1", "e1"], "alias": ["Putin", "Putin"]})
    first, second = datetime(2026, 11, 28), datetime(2026, 11, 29)
    store.load_batch(con, {"entities": entities[:1], "entity_aliases": aliases[:1]}, first)
    result = store.load_batch(con, {"entities": entities, "entity_aliases": aliases}, second)
    assert result.added("entities") == 1 and result.added("entity_aliases") == 0
    assert con.execute("select entity_id, first_seen_at from entities order by 1").fetchall() == [
        ("e1", first), ("e2", second)]


def test_fts_extension_loads_from_its_package_with_signatures_checked(con):
    path = store.load_extension(con, "fts")
    assert path.name == "fts.duckdb_extension"
    assert con.execute("select current_setting('allow_unsigned_extensions')").fetchone()[0] is False
    assert con.execute("select loaded from duckdb_extensions() where extension_name = 'fts'").fetchone()[0]


def test_a_locked_file_is_reported(tmp_path):
    path = tmp_path / "locked.duckdb"
    import subprocess
    import sys
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
        "time.sleep(30)"), str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(store.LockedError, match="locked by another process"), \
                store.connect(path, wait_seconds=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()
    with store.connect(path) as con:  # free again
        assert isinstance(con, duckdb.DuckDBPyConnection)


def test_a_held_writer_connection_serves_every_connect_writer_of_its_block_and_closes_after(tmp_path):
    """holding_writer: the run's steps under the ingest lock share one connection to the writer's file
    (each open and close cost 40-70 ms); another warehouse still gets its own, and once the block ends the
    file is free for another process."""
    import subprocess
    import sys

    published, other = tmp_path / "news.duckdb", tmp_path / "other.duckdb"
    with store.holding_writer(published):
        with store.connect_writer(published) as first:
            first.execute("create table t (x integer)")
        with store.connect_writer(published) as second, store.connect_writer(other) as elsewhere:
            assert second is first and elsewhere is not first
            second.execute("insert into t values (1)")
    opened = subprocess.run([sys.executable, "-c", (
        "import duckdb, sys; print(duckdb.connect(sys.argv[1]).execute('select x from t').fetchall())"),
        str(store.connection.writer_file(published))], capture_output=True, text=True, timeout=60)
    assert (opened.returncode, opened.stdout.strip()) == (0, "[(1,)]"), opened.stderr
