"""Readers and the writer together: readers open the published snapshot (warehouse_path), the flow writes
into news.writer.duckdb and publishes after each run. A reader never fails on a lock, never sees a partial
batch, and never makes the writer wait; runs of one group never overlap; killed runs are marked."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import duckdb
import pytest

import store
from flows import run_lock
from flows.ingest import ingest
from newsetl.config import writer_file
from tests.conftest import write_sources

# What a read sees: articles, mentions, fetches, runs still running (a partial batch would show in any).
STATE = ("select (select count(*) from articles), (select count(*) from article_entities), "
         "(select count(*) from fetches), (select count(*) from runs where status = 'running')")

READER = textwrap.dedent("""
    import json, os, sys, time
    import duckdb
    path, stop, out, state_query = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    seen, failures, latencies = [], [], []
    # reads until a second after the test says the run is over (at most 10 minutes), however slow the run
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if os.path.exists(stop):
            deadline = min(deadline, os.path.getmtime(stop) - time.time() + time.monotonic() + 1.0)
        tick = time.monotonic()
        try:
            # a fresh connection per read, as a dashboard page or `newsetl sql` opens one
            with duckdb.connect(path, read_only=True) as con:
                state = con.execute(state_query).fetchone()
                con.execute("select * from analytics.latest_articles limit 20").fetchall()
                con.execute("select * from analytics.articles_per_outlet_per_day").fetchall()
            seen.append(list(state))
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            failures.append(f"{type(exc).__name__}: {exc}")
        latencies.append(time.monotonic() - tick)
        time.sleep(max(0.0, 0.1 - (time.monotonic() - tick)))  # 10 reads a second
    json.dump({"seen": seen, "failures": failures, "latencies": latencies}, open(out, "w"))
""")

HOLDER = textwrap.dedent("""
    import sys, time
    import duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)  # a user's session left open all along
    print("open", con.execute("select count(*) from articles").fetchone()[0], flush=True)
    time.sleep(float(sys.argv[2]))
""")


def big_feed(items: int) -> bytes:
    """An RSS feed of `items` distinct articles with real-looking titles and summaries."""
    people = ["Vladimir Putin", "Sergey Lavrov", "Jonas Gahr Store", "Ursula von der Leyen",
              "Antonio Guterres"]
    places = ["Vienna", "Oslo", "Moscow", "Brussels", "Geneva", "Tromso", "Murmansk"]
    start = datetime(2026, 11, 27, tzinfo=UTC)
    rows = []
    for i in range(items):
        who, where = people[i % len(people)], places[i % len(places)]
        when = format_datetime(start - timedelta(minutes=7 * i))
        rows.append(
            f"<item><title>Report {i}: {who} speaks in {where} on fisheries quota {i * 37 % 1000}</title>"
            f"<link>https://www.bigwire.example/2026/11/report-{i}</link><guid>report-{i}</guid>"
            f"<pubDate>{when}</pubDate><description>{who} said in {where} that the accord number {i} "
            f"would be reviewed by ministers after {i % 12 + 1} months of talks.</description></item>")
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Big Wire</title>"
            "<link>https://www.bigwire.example/</link>" + "".join(rows) + "</channel></rss>").encode()


BIG_SOURCE = """
[[outlets]]
name = "Big Wire"
domain = "bigwire.example"

[[sources]]
name = "big-wire"
kind = "rss"
url = "{base}/bigwire/rss.xml"
outlet = "Big Wire"
"""


def test_readers_in_another_process_never_fail_nor_see_a_partial_batch(tmp_path, site_server,
                                                                        prefect_harness, loaded):
    _, db = loaded  # the sample site loaded
    with duckdb.connect(str(db), read_only=True) as con:
        before = list(con.execute(STATE).fetchone())

    site_server.routes["/bigwire/rss.xml"] = (200, {"Content-Type": "application/rss+xml"}, big_feed(1500))
    big = tmp_path / "big.toml"
    big.write_text(BIG_SOURCE.format(base=site_server.base_url), encoding="utf-8")
    out = tmp_path / "reads.json"
    stop = tmp_path / "run-over"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), str(out), STATE])
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "600"], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().startswith("open")
    try:
        time.sleep(1.0)
        started = time.monotonic()
        summary = ingest(sources_file=str(big), warehouse_path=str(db))
        run_seconds = time.monotonic() - started
    finally:
        stop.touch()
        reader.wait(timeout=60)
        holder.kill()
    reads = json.loads(out.read_text())
    with duckdb.connect(str(db), read_only=True) as con:
        after = list(con.execute(STATE).fetchone())
        lock_wait = con.execute("select lock_wait_seconds from runs where run_id = ?",
                                [summary.run_id]).fetchone()[0]

    assert summary.status == "completed" and after[0] == before[0] + 1500
    assert reads["failures"] == []
    assert len(reads["seen"]) >= 50                       # ~10 a second while the run lasts
    # every read saw the snapshot before the run or the one after it: never a batch half loaded
    assert {tuple(s) for s in reads["seen"]} <= {tuple(before), tuple(after)}
    assert tuple(after) in {tuple(s) for s in reads["seen"]}
    # neither the readers nor the session held open all along made the writer wait
    assert lock_wait == 0.0 and summary.lock_wait_seconds == 0.0
    latencies = sorted(reads["latencies"])
    median = latencies[len(latencies) // 2]
    print(f"\nreads: {len(reads['seen'])}, failed: 0, median read {median * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.1f} ms; run {run_seconds:.1f} s; writer lock wait {lock_wait:.3f} s; "
          f"publish {summary.stage_seconds['publish']:.3f} s")


def test_snapshot_is_published_only_whole(tmp_path, site_server, prefect_harness, monkeypatch):
    monkeypatch.setattr(store.load, "CRASH_AFTER_TABLE", "articles")
    db = tmp_path / "news.duckdb"
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    with pytest.raises(RuntimeError, match="injected failure"):
        ingest(sources_file=str(sources), warehouse_path=str(db))
    monkeypatch.undo()
    with duckdb.connect(str(db), read_only=True) as con:  # the failed run is visible, none of its rows
        assert con.execute("select status from runs").fetchall() == [("failed",)]
        assert con.execute("select count(*) from articles").fetchone()[0] == 0
    ingest(sources_file=str(sources), warehouse_path=str(db))
    with (duckdb.connect(str(db), read_only=True) as published,
          duckdb.connect(str(writer_file(db)), read_only=True) as writer):
        query = "select article_id, title, story_id from articles order by article_id"
        assert published.execute(query).fetchall() == writer.execute(query).fetchall()
        assert published.execute("select count(*) from articles").fetchone()[0] == 47
    assert not list(tmp_path.glob(".news.duckdb.*.tmp"))


def test_an_overlapping_run_of_the_same_group_is_skipped(tmp_path, site_server, prefect_harness, loaded):
    sources, db = loaded  # the sample site loaded
    with run_lock.try_lock(run_lock.group_lock_path(db, None)) as held:  # a run of this group is going
        assert held
        summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert summary.status == "skipped"
    with duckdb.connect(str(writer_file(db)), read_only=True) as con:
        row = con.execute("select status, error from runs where run_id = ?", [summary.run_id]).fetchone()
        assert row == ("skipped", "another run of this schedule group was still in progress")
    # another group is not skipped: it waits for the ingest lock, then runs
    with run_lock.try_lock(run_lock.group_lock_path(db, "hourly")) as held:
        assert held
        assert ingest(sources_file=str(sources), warehouse_path=str(db)).status == "completed"


def test_a_run_killed_before_its_end_is_marked_interrupted(tmp_path, site_server, prefect_harness, loaded):
    sources, db = loaded  # the sample site loaded
    with store.connect_writer(db) as con:  # what a SIGKILLed run leaves: a run row still 'running'
        store.record_run_started(con, run_id="killed-run", flow_run_id=None, sources_file="x",
                                 schedule_group=None, started_at=datetime(2026, 11, 28, 12))
    ingest(sources_file=str(sources), warehouse_path=str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        status, error = con.execute("select status, error from runs where run_id = 'killed-run'").fetchone()
        assert status == "interrupted" and "nothing of its batch was loaded" in error
        assert con.execute("select count(*) from runs where status = 'running'").fetchone()[0] == 0


def test_the_ingest_lock_is_released_when_its_process_dies(tmp_path):
    path = run_lock.ingest_lock_path(tmp_path / "news.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, os, sys, time
        os.makedirs({str(path.parent)!r}, exist_ok=True)
        fd = os.open({str(path)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("held", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(run_lock.RunLockTimeout), run_lock.wait_lock(path, wait_seconds=0.3):
        pass
    holder.kill()  # SIGKILL: no clean-up code runs
    holder.wait()
    with run_lock.wait_lock(path, wait_seconds=5) as waited:
        assert waited < 5
