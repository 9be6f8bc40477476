"""The DuckLake backend (issue 16), on a real PostgreSQL started for the suite in a temp dir
(tests/postgres.py) and data files in the test's temp dir: the real flow on the sample site gives the
embedded file's rows, keys, aggregates and search results; two groups' merges take turns; a reader process
pinned to the published snapshot sees a run's before or after, never between; a merge SIGKILLed in its
commit, then a normal run, equals a clean run, and maintenance leaves no orphaned file; `newsetl warehouse
copy` both ways."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

import store
from flows.ingest import ingest
from newsetl.config import Settings
from store.copy import CopyError, copy_warehouse
from store.sql import sql_text
from tests.conftest import ROOT, SAMPLE_CAPTURED_AT, SAMPLE_SITE, write_sources
from tests.flows.test_overlapping_groups import SLOW_FEED, grouped_sources
from tests.postgres import postgres_server  # noqa: F401 - the fixture

# Every table whose rows a run's input decides (the run log, fetch timings, check results and the sorting
# bookkeeping of aggregate_layout are left out: they record when and how, not what).
COMPARED = ["sources", "source_aliases", "feeds", "articles", "article_versions", "article_signatures",
            "entities", "entity_aliases", "article_entities", "entity_day_counts", "entity_week_counts",
            "entity_outlet_counts", "entity_articles", "entity_decisions", "rejected_items"]
SEARCHES = ["putin", "lavrov arctic", "bank of england", "norway"]


@pytest.fixture
def frozen_clock():
    from newsetl import clock

    with clock.pinned(SAMPLE_CAPTURED_AT, frozen=True):
        yield


@pytest.fixture
def new_lake(postgres_server, tmp_path, monkeypatch):  # noqa: F811 - the fixture imported above
    """A function that makes an empty lake (its own catalog database, data and search file under
    tmp_path/<name>) and returns its settings; `use=True` also points this process's runs at it."""

    def make(name: str, use: bool = True) -> Settings:
        database = f"lake_{name}_{uuid.uuid4().hex[:8]}"
        postgres_server.create_database(database)
        env = {"NEWSETL_WAREHOUSE": "ducklake:postgres:" + postgres_server.conninfo(database),
               "NEWSETL_LAKE_DATA": str(tmp_path / name / "data"),
               "NEWSETL_WAREHOUSE_PATH": str(tmp_path / name / "news.duckdb")}
        if use:
            for key, value in env.items():
                monkeypatch.setenv(key, value)
        return Settings.from_env(warehouse=env["NEWSETL_WAREHOUSE"], lake_data=env["NEWSETL_LAKE_DATA"],
                                 warehouse_path=Path(env["NEWSETL_WAREHOUSE_PATH"]))

    return make


def embedded_run(tmp_path, sources: Path, monkeypatch, group: str | None = None) -> Path:
    """The embedded warehouse (tmp_path/embedded) after one run of `sources` (`group`), to compare with."""
    monkeypatch.delenv("NEWSETL_WAREHOUSE", raising=False)
    monkeypatch.delenv("NEWSETL_LAKE_DATA", raising=False)
    embedded = tmp_path / "embedded" / "news.duckdb"
    assert ingest(sources_file=str(sources), warehouse_path=str(embedded), group=group).status == "completed"
    return embedded


def dump(target) -> dict[str, list[tuple]]:
    """Every compared table's rows, in order, through the reader's connection (the published state)."""
    with store.connect_reader(target) as con:
        return {table: con.execute(f"select * from {table} order by all").fetchall()  # noqa: S608
                for table in COMPARED}


def searched(target) -> dict[str, list[tuple]]:
    """`newsetl search`'s rows (score, article, outlet) for each of SEARCHES."""
    with store.connect_reader(target) as con:
        return {query: con.execute(sql_text("read/search_articles.sql"), {
            "query": query, "source_ids": None, "since": None, "phrases": [], "excluded": [], "limit": 20,
        }).fetchall() for query in SEARCHES}


def keys_unique(target) -> dict[str, int]:
    """Rows beyond the first per primary key, per table (the lake has no constraint to refuse them)."""
    keys = {"sources": "source_id", "articles": "article_id", "entities": "entity_id",
            "article_versions": "article_id, content_hash", "entity_aliases": "entity_id, alias",
            "article_entities": "article_id, entity_id", "source_aliases": "alias_kind, alias",
            "feeds": "feed_id", "runs": "run_id", "fetches": "fetch_id"}
    with store.connect_reader(target) as con:
        return {table: con.execute(f"select count(*) - count(distinct ({key})) from {table}"  # noqa: S608
                                   ).fetchone()[0] for table, key in keys.items()}


def test_the_sample_site_gives_the_same_rows_keys_aggregates_and_search_on_both_backends(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, frozen_clock):
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    embedded = embedded_run(tmp_path, sources, monkeypatch)
    lake = new_lake("same").target
    summary = ingest(sources_file=str(sources))
    assert summary.status == "completed" and not any(summary.checks.values()), summary

    lake_rows, embedded_rows = dump(lake), dump(embedded)
    assert lake_rows["articles"] and lake_rows["entity_day_counts"]
    assert lake_rows == embedded_rows
    assert searched(lake) == searched(embedded)
    assert searched(lake)["putin"]  # the queries find something
    again = ingest(sources_file=str(sources))  # everything known: nothing may be added twice
    assert again.status == "completed" and again.articles["new"] == 0 and not any(again.checks.values())
    assert {t: added for t, (_, added) in again.table_rows.items() if t != "fetches"} == dict.fromkeys(
        (t for t in again.table_rows if t != "fetches"), 0)
    assert set(keys_unique(lake).values()) == {0}


def test_two_groups_merge_in_turn_on_a_lake_like_one_after_the_other(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, frozen_clock):
    monkeypatch.setenv("NEWSETL_READ_TIMEOUT", "120")
    sources = grouped_sources(tmp_path, site_server.base_url)
    feed = (SAMPLE_SITE / SLOW_FEED.lstrip("/")).read_bytes()
    entered, release = threading.Event(), threading.Event()

    def held_feed(handler):  # the slow group's fetch waits here until the fast group's run has ended
        entered.set()
        release.wait(timeout=90)
        return 200, {"Content-Type": "application/rss+xml"}, feed

    together = new_lake("together").target
    site_server.routes[SLOW_FEED] = held_feed
    slow_result = []
    slow = threading.Thread(target=lambda: slow_result.append(
        ingest(sources_file=str(sources), group="slow")))
    try:
        slow.start()
        assert entered.wait(timeout=120), "the slow group never fetched its feed"
        fast = ingest(sources_file=str(sources), group="fast")
        release.set()
        slow.join(timeout=300)
    finally:
        release.set()
        site_server.routes.pop(SLOW_FEED, None)
    assert fast.status == "completed" and slow_result and slow_result[0].status == "completed"

    sequential = new_lake("sequential").target
    for group in ("fast", "slow"):
        assert ingest(sources_file=str(sources), group=group).status == "completed"
    together_rows, sequential_rows = dump(together), dump(sequential)
    # the held feed was answered without the file's Last-Modified: feed health differs there, by the test
    together_rows.pop("feeds"), sequential_rows.pop("feeds")
    assert together_rows == sequential_rows
    with store.connect_reader(together) as con:
        assert con.execute("select schedule_group, status from runs order by all").fetchall() == [
            ("fast", "completed"), ("slow", "completed")]


READER = """
import json, sys, time
import store
from newsetl.config import Settings
target = Settings.from_env().target
deadline = time.monotonic() + float(sys.argv[1])
while time.monotonic() < deadline:
    with store.connect_reader(target) as con:
        row = con.execute("select (select count(*) from articles), (select count(*) from article_entities), "
                          "(select count(*) from runs where status = 'completed'), "
                          "(select coalesce(sum(mentions), 0) from entity_day_counts)").fetchone()
    print(json.dumps(row), flush=True)
"""


def test_a_reader_process_pinned_to_the_published_snapshot_sees_a_run_before_or_after_never_between(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, frozen_clock):
    """Also: the dashboard reads the lake at its published snapshot and follows the next; and a key stored
    twice behind the merge's back fails the next run (one lake, three runs, for the suite's time)."""
    from dashboard import data
    from flows.ingest import KeysStoredTwice

    sources = grouped_sources(tmp_path, site_server.base_url)
    settings = new_lake("pinned")
    assert ingest(sources_file=str(sources), group="fast").status == "completed"
    before = _state(settings.target)
    dashboard = data.Reader(cache=False)
    status = dashboard.status()
    assert status.ok and status.search_index and status.articles == before[0]
    first_snapshot = dashboard.snapshot()
    dashboard.close()
    reader = subprocess.Popen([sys.executable, "-c", READER, "120"], cwd=ROOT, env=os.environ.copy(),
                              stdout=subprocess.PIPE, text=True)
    try:
        first = reader.stdout.readline()  # the reader is reading before the run starts
        assert first, "the reader process printed nothing"
        assert ingest(sources_file=str(sources), group="slow").status == "completed"
        after = _state(settings.target)
        seen = [first]
        while True:  # until it has read the published state after the run at least once
            line = reader.stdout.readline()
            assert line, "the reader process ended early"
            seen.append(line)
            if tuple(_row(line)) == after:
                break
    finally:
        reader.kill()
        reader.wait()
    observed = {tuple(_row(line)) for line in seen}
    assert before != after
    assert observed <= {before, after}, observed - {before, after}
    assert len(seen) > 2

    dashboard = data.Reader(cache=False)
    try:
        assert dashboard.status().articles == after[0] > status.articles
        assert not data.is_current(first_snapshot)  # the published search file was replaced
        assert dashboard.frame("article_count").row(0)[0] == after[0]
    finally:
        dashboard.close()

    with store.connect_writer(settings.target) as con:  # what a merge without its lock might do
        con.execute("insert into article_entities select * from article_entities order by all limit 1")
    with pytest.raises(KeysStoredTwice, match="article_entities") as failed:
        ingest(sources_file=str(sources), group="fast")
    assert failed.value.summary.status == "failed"
    assert failed.value.summary.checks["unique_key_article_entities"] == 1
    assert sum(v for k, v in failed.value.summary.checks.items() if k.startswith("unique_key_")) == 1


def _row(line: str) -> list:
    import json
    return json.loads(line)


def _state(target) -> tuple:
    with store.connect_reader(target) as con:
        return con.execute("select (select count(*) from articles), (select count(*) from article_entities), "
                           "(select count(*) from runs where status = 'completed'), "
                           "(select coalesce(sum(mentions), 0) from entity_day_counts)").fetchone()


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
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, delay):
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
        clean = new_lake("clean")
        for _ in range(2 if left else 1):  # a batch that committed: the normal run after it was a re-poll
            assert ingest(sources_file=str(sources)).status == "completed"
    assert dump(killed.target) == dump(clean.target)
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
    assert dump(killed.target) == dump(clean.target)  # maintenance changed no row


def prefect_api_url() -> str:
    import prefect.settings

    return prefect.settings.PREFECT_API_URL.value()


def test_warehouse_copy_moves_an_embedded_warehouse_into_a_lake_and_back(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, frozen_clock):
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    embedded = embedded_run(tmp_path, sources, monkeypatch)
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


def test_user_statements_on_a_lake_need_a_reader_that_can_change_nothing(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, postgres_server, frozen_clock):  # noqa: F811
    import duckdb
    import psycopg
    import psycopg.sql

    from store.lake import LakeError

    sources = grouped_sources(tmp_path, site_server.base_url)
    settings = new_lake("readers")
    assert ingest(sources_file=str(sources), group="fast").status == "completed"
    lake = settings.target
    with pytest.raises(LakeError, match="can write its catalog"), \
            store.connect_reader(lake, user_statements=True):
        pass
    database = lake.catalog.split("dbname=")[1].split()[0]
    role = f"reader_{database}"
    with psycopg.connect(postgres_server.conninfo(database), autocommit=True) as pg:
        for statement in ("create role {role} login", "grant connect on database {database} to {role}",
                          "grant usage on schema public to {role}",
                          "grant select on all tables in schema public to {role}"):
            pg.execute(psycopg.sql.SQL(statement).format(role=psycopg.sql.Identifier(role),
                                                         database=psycopg.sql.Identifier(database)))
    monkeypatch.setenv("NEWSETL_WAREHOUSE_READER", "ducklake:postgres:" + lake.catalog.replace(
        "user=postgres", f"user={role}"))
    reader = Settings.from_env().target
    # root can write the local data folder, so the user's statements are still refused, saying why
    with pytest.raises(LakeError, match="can write the lake's data folder"), \
            store.connect_reader(reader, user_statements=True):
        pass
    with store.connect_reader(reader) as con:  # the commands' own statements read through the reader role
        assert con.execute("select count(*) from articles").fetchone()[0] == _state(lake)[0]
        with pytest.raises(duckdb.Error, match="permission denied"):
            con.execute("call postgres_execute('__ducklake_metadata_lake', "
                        "'commit; create table evil(a int)')")


@pytest.fixture
def s3_bucket(monkeypatch):
    """An S3 on 127.0.0.1 (moto's server, a process of its own, stopped by its pid) with a bucket `news`,
    reached through the AWS SDKs' variables that store/lake.py hands DuckDB."""
    import socket

    import boto3

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1",
                               "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    for key, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                       "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint}.items():
        monkeypatch.setenv(key, value)
    try:
        client = boto3.client("s3", endpoint_url=endpoint)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.create_bucket(Bucket="news")
                break
            except Exception:  # noqa: BLE001 - the server is still starting
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        yield client
    finally:
        server.kill()
        server.wait()


def test_a_lake_with_its_data_on_s3_gives_the_embedded_rows(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, s3_bucket, frozen_clock):
    sources = grouped_sources(tmp_path, site_server.base_url)
    embedded = embedded_run(tmp_path, sources, monkeypatch, group="fast")
    settings = new_lake("s3")
    monkeypatch.setenv("NEWSETL_LAKE_DATA", "s3://news/lake/")
    assert ingest(sources_file=str(sources), group="fast").status == "completed"
    lake = Settings.from_env().target
    assert lake.data_path == "s3://news/lake/" and not (tmp_path / "s3" / "data").exists()
    assert dump(lake) == dump(embedded) and dump(lake)["articles"]
    assert searched(lake) == searched(embedded)
    keys = [o["Key"] for o in s3_bucket.list_objects_v2(Bucket="news")["Contents"]]
    assert keys and all(k.startswith("lake/main/") and k.endswith(".parquet") for k in keys)
    assert settings.warehouse == lake.catalog.join(("ducklake:postgres:", ""))


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
