"""The DuckLake backend (issue 16), on a real PostgreSQL started for the suite in a temp dir
(tests/postgres.py) and data files in the test's temp dir: the real flow on the sample site gives the
embedded file's rows, keys, aggregates and search results; a merge SIGKILLed in its commit, then a normal run,
equals a clean run, and maintenance leaves no orphaned file; `newsetl warehouse copy` both ways. (Two groups'
merges, a reader pinned to the published snapshot, readers' rights and data on S3: test_lake_runs.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import store
from flows.ingest import ingest
from newsetl.config import Settings
from store.copy import CopyError, copy_warehouse
from tests.conftest import ROOT, SAMPLE_CAPTURED_AT, write_sources
from tests.store.lakes import dump, embedded_run, keys_unique, make_lake, prefect_api_url, searched


@dataclass
class CleanLake:
    """A lake after a clean run of the sample site and after a second run of it (a re-poll), frozen at
    SAMPLE_CAPTURED_AT: the rows a killed merge's lake must come back to, made once for the module."""

    target: object
    first: object          # the first run's summary
    again: object          # the second run's
    rows: dict[int, dict[str, list[tuple]]]  # runs -> dump(): after the first run, after the second
    searched: dict[str, list[tuple]]         # after the first run
    keys_unique: dict[str, int]              # after the second run


@pytest.fixture(scope="module")
def embedded_clean(tmp_path_factory, site_server, prefect_harness):
    """The embedded warehouse after one run of the sample site at SAMPLE_CAPTURED_AT, frozen (read only by
    the tests that compare with it)."""
    from newsetl import clock

    folder = tmp_path_factory.mktemp("embedded-clean")
    sources = write_sources(folder / "sources.toml", site_server.base_url)
    with pytest.MonkeyPatch.context() as patch, clock.pinned(SAMPLE_CAPTURED_AT, frozen=True):
        return embedded_run(folder, sources, patch)


@pytest.fixture(scope="module")
def clean_lake(tmp_path_factory, site_server, prefect_harness, postgres_server) -> CleanLake:
    from newsetl import clock

    folder = tmp_path_factory.mktemp("clean-lake")
    sources = write_sources(folder / "sources.toml", site_server.base_url)
    with pytest.MonkeyPatch.context() as patch, clock.pinned(SAMPLE_CAPTURED_AT, frozen=True):
        lake = make_lake(postgres_server, folder, patch, "clean").target
        first = ingest(sources_file=str(sources))
        rows, found = {1: dump(lake)}, searched(lake)
        again = ingest(sources_file=str(sources))
        rows[2] = dump(lake)
        return CleanLake(lake, first, again, rows, found, keys_unique(lake))


def test_the_sample_site_gives_the_same_rows_keys_aggregates_and_search_on_both_backends(
        embedded_clean, clean_lake):
    """(The lake's two runs are clean_lake's, which the killed merges below compare with too.)"""
    summary, lake_rows, embedded_rows = clean_lake.first, clean_lake.rows[1], dump(embedded_clean)
    assert summary.status == "completed" and not any(summary.checks.values()), summary
    assert lake_rows["articles"] and lake_rows["entity_day_counts"]
    assert lake_rows == embedded_rows
    assert clean_lake.searched == searched(embedded_clean)
    assert clean_lake.searched["putin"]  # the queries find something
    again = clean_lake.again  # everything known: nothing may be added twice
    assert again.status == "completed" and again.articles["new"] == 0 and not any(again.checks.values())
    assert {t: added for t, (_, added) in again.table_rows.items() if t != "fetches"} == dict.fromkeys(
        (t for t in again.table_rows if t != "fetches"), 0)
    assert set(clean_lake.keys_unique.values()) == {0}


KILLER = """
import os, signal, sys, threading
from contextlib import contextmanager
import store.load
from flows.ingest import ingest
plain = store.load.transaction

@contextmanager
def killed_in_its_commit(con):  # the load's transaction: SIGKILL lands while its COMMIT runs
    with plain(con):
        yield
        threading.Timer(float(sys.argv[2]), lambda: os.kill(os.getpid(), signal.SIGKILL)).start()

store.load.transaction = killed_in_its_commit
from newsetl import clock
with clock.pinned(sys.argv[3], frozen=True):  # the clean run's clock, so that the rows compare
    ingest(sources_file=sys.argv[1])
"""


@pytest.mark.parametrize("delay", [0.02, 0.5])
def test_a_merge_killed_mid_commit_then_a_normal_run_equals_a_clean_run_and_maintenance_leaves_no_orphans(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, clean_lake, delay):
    from newsetl import clock

    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    monkeypatch.setenv("PREFECT_API_URL", prefect_api_url())
    killed = new_lake("killed")
    run = subprocess.run([sys.executable, "-c", KILLER, str(sources), str(delay), SAMPLE_CAPTURED_AT],
                         cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stderr[-3000:]
    with store.connect_writer(killed.target) as con:  # what the kill left: its batch whole, or nothing
        left = con.execute("select count(*) from articles").fetchone()[0]
        files_left = sum(1 for _ in Path(killed.lake_data).rglob("*.parquet"))
    print(f"killed {delay} s into the load's commit: {left} articles committed, {files_left} data files")
    assert left in (0, 47)
    with clock.pinned(SAMPLE_CAPTURED_AT, frozen=True):
        assert ingest(sources_file=str(sources)).status == "completed"
    # a clean lake's rows after one run; after two if the batch committed: the normal run was a re-poll
    clean = clean_lake.rows[2 if left else 1]
    assert dump(killed.target) == clean
    assert set(keys_unique(killed.target).values()) == {0}
    with store.connect_reader(killed.target) as con:
        statuses = con.execute("select status, error from runs order by started_at").fetchall()
    assert [status for status, _ in statuses] == ["interrupted", "completed"]
    assert ("after its load committed" if left else "before its load committed") in statuses[0][1]

    from store.lake import maintain
    with store.connect_writer(killed.target) as con:
        snapshots = con.execute("select count(*) from lake.snapshots()").fetchone()[0]
        maintain(con, killed.target, keep_hours=0)  # every snapshot before the published one expires
        assert con.execute("select count(*) from lake.snapshots()").fetchone()[0] < snapshots
        orphans = con.execute("select count(*) from ducklake_delete_orphaned_files('lake', dry_run => true, "
                              "cleanup_all => true)").fetchone()[0]
        old = con.execute("select count(*) from ducklake_cleanup_old_files('lake', dry_run => true, "
                          "cleanup_all => true)").fetchone()[0]
        tables = [t for (t,) in con.execute("select table_name from duckdb_tables() where database_name = "
                                            "'lake' and schema_name = 'main'").fetchall()]
        listed = {Path(row[0]).resolve() for table in tables for row in con.execute(
            "select data_file from ducklake_list_files('lake', $table)", {"table": table}).fetchall()}
    on_disk = {p.resolve() for p in Path(killed.lake_data).rglob("*.parquet")}
    assert orphans == 0 and old == 0
    assert listed <= on_disk
    assert dump(killed.target) == clean  # maintenance changed no row


def test_warehouse_copy_moves_an_embedded_warehouse_into_a_lake_and_back(
        tmp_path, embedded_clean, new_lake, frozen_clock):
    embedded = embedded_clean  # (copied from only)
    lake = new_lake("copy", use=False).target

    counts = copy_warehouse(embedded, lake)
    assert counts["articles"] == dump(embedded)["articles"].__len__()
    back = tmp_path / "back" / "news.duckdb"
    copy_warehouse(lake, back)
    assert dump(lake) == dump(embedded) == dump(back)
    assert searched(lake) == searched(embedded) == searched(back)
    with pytest.raises(CopyError, match="already holds articles"):
        copy_warehouse(embedded, lake)

    # a destination with no article but rows of its own (a skipped run here) is not emptied either
    skipped = tmp_path / "skipped" / "news.duckdb"
    with store.connect_writer(skipped) as con:
        store.migrate(con)
        store.record_run_skipped(con, run_id="r1", flow_run_id=None, sources_file="s.toml",
                                 schedule_group="g", started_at=SAMPLE_CAPTURED_AT)
    with pytest.raises(CopyError, match="already holds rows in runs"):
        copy_warehouse(embedded, skipped)
    with store.connect_writer(skipped) as con:
        assert con.execute("select run_id, status from runs").fetchall() == [("r1", "skipped")]


def test_a_lake_setting_that_is_not_one_is_a_clear_error(monkeypatch):
    from newsetl.config import ConfigError

    monkeypatch.setenv("NEWSETL_WAREHOUSE", "postgres://somewhere")
    with pytest.raises(ConfigError, match="ducklake:postgres:"):
        Settings.from_env()


def test_reprocess_is_refused_on_a_lake_with_a_reason(new_lake):
    target = new_lake("refused", use=False).target
    with pytest.raises(RuntimeError, match="embedded warehouse only"), store.rebuilding(target):
        pass


def test_no_command_writes_over_a_lakes_search_file_or_into_its_data_folder(tmp_path, monkeypatch):
    from newsetl.config import output_conflict

    monkeypatch.setenv("NEWSETL_WAREHOUSE", "ducklake:postgres:host=127.0.0.1 dbname=nowhere")
    monkeypatch.setenv("NEWSETL_LAKE_DATA", str(tmp_path / "data"))
    settings = Settings.from_env(warehouse_path=tmp_path / "news.duckdb")
    assert "warehouse file" in output_conflict(tmp_path / "news.search.duckdb", settings)
    assert "writer's file" in output_conflict(tmp_path / "news.search.writer.duckdb", settings) or \
        "warehouse file" in output_conflict(tmp_path / "news.search.writer.duckdb", settings)
    assert "data folder" in output_conflict(tmp_path / "data" / "main" / "x.parquet", settings)
    assert "data folder" in output_conflict(tmp_path, settings, replaces_folder=True)
    assert output_conflict(tmp_path / "export.csv", settings) is None


def test_a_lake_made_by_older_migrations_follows_the_new_ones_with_their_backfills(new_lake, monkeypatch):
    from store import migrations

    lake = new_lake("older", use=False).target
    every = migrations.migration_files()
    older = [f for f in every if int(f.name[:3]) <= 9]
    monkeypatch.setattr(migrations, "migration_files", lambda: older)
    with store.connect_writer(lake) as con:
        assert store.migrate(con) == [f.name for f in older]
        tables = {t for (t,) in con.execute("select table_name from duckdb_tables() "
                                            "where database_name = 'lake'").fetchall()}
        assert "entity_articles" not in tables and "entity_day_counts" in tables
    backfilled = []
    monkeypatch.setattr(migrations, "migration_files", lambda: every)
    monkeypatch.setitem(migrations.BACKFILLS, 10, lambda con: backfilled.append(con.execute(
        "select current_database(), (select count(*) from entity_articles)").fetchone()))
    with store.connect_writer(lake) as con:
        assert store.migrate(con) == [f.name for f in every if int(f.name[:3]) > 9]
        # 010's backfill ran on the reference schema, then on the lake, its new table there already
        assert backfilled == [("newsetl_reference", 0), ("lake", 0)]
        columns = con.execute("select table_name, column_name, data_type from duckdb_columns() "
                              "where database_name = 'lake' and schema_name = 'main' "
                              "and table_name <> 'schema_migrations' order by all").fetchall()
        versions = [v for (v,) in con.execute("select version from schema_migrations order by 1").fetchall()]
    reference = duckdb_reference_columns()
    assert columns == reference
    assert versions == [int(f.name[:3]) for f in every]


def duckdb_reference_columns() -> list[tuple]:
    import duckdb

    with duckdb.connect() as con:
        store.migrate(con)
        return con.execute("select table_name, column_name, data_type from duckdb_columns() "
                           "where database_name = current_database() and schema_name = 'main' "
                           "and table_name <> 'schema_migrations' order by all").fetchall()


def test_the_warehouse_commands_say_what_is_wrong(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from newsetl.cli import app

    monkeypatch.delenv("NEWSETL_WAREHOUSE", raising=False)
    monkeypatch.setenv("NEWSETL_WAREHOUSE_PATH", str(tmp_path / "news.duckdb"))
    maintained = CliRunner().invoke(app, ["warehouse", "maintain"])
    assert maintained.exit_code == 2 and "maintenance is for a lake" in maintained.output
    copied = CliRunner().invoke(app, ["warehouse", "copy", str(tmp_path / "missing.duckdb"),
                                      str(tmp_path / "copy.duckdb")])
    assert copied.exit_code == 2 and "no warehouse at" in copied.output
    bad = CliRunner().invoke(app, ["warehouse", "copy", str(tmp_path / "missing.duckdb"), "ducklake:mysql:x"])
    assert bad.exit_code == 2 and "expected ducklake:postgres:" in bad.output
