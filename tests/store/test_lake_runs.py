"""The DuckLake backend (issue 16) with runs of groups, readers and S3 (the rest: test_lake.py, a module of
its own for pytest-xdist): two groups' merges take turns; a reader process pinned to the published snapshot
sees a run's before or after, never between; user statements need a reader that can change nothing; a lake
with its data on S3 (moto's server on 127.0.0.1) gives the embedded rows."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import store
from flows.ingest import ingest
from newsetl.config import Settings
from tests.conftest import ROOT, SAMPLE_SITE
from tests.flows.test_overlapping_groups import SLOW_FEED, grouped_sources
from tests.store.lakes import dump, embedded_run, searched, state


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
    before = state(settings.target)
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
        after = state(settings.target)
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


def test_user_statements_on_a_lake_need_a_reader_that_can_change_nothing(
        tmp_path, site_server, prefect_harness, monkeypatch, new_lake, postgres_server, frozen_clock):
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
        assert con.execute("select count(*) from articles").fetchone()[0] == state(lake)[0]
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
