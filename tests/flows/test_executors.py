"""Executors (issue 15): the same shard task on the flow's threads, on Prefect background task workers
(real `newsetl worker` processes against a real Prefect server) and on a 2-worker Dask LocalCluster gives
the same warehouse rows; a task worker SIGKILLed in the middle of a shard loses nothing and doubles
nothing: the shard is submitted again, the other worker does it."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pytest
import requests

from flows.ingest import ingest
from newsetl.serve import prefect_server, stop_process_group
from tests.conftest import SAMPLE_SITE, prefect_home, write_sources
from tests.test_serve import free_port

NEWSETL = str(Path(os.sys.executable).with_name("newsetl"))
# what a run's rows are made of; its own id and the moments things happened differ from run to run
TABLES = [
    "sources",
    "source_aliases",
    "articles",
    "article_versions",
    "article_signatures",
    "entities",
    "entity_aliases",
    "article_entities",
    "feeds",
    "fetches",
    "rejected_items",
]


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of TABLES without the columns that legitimately differ between two runs of one input:
    timestamps (when it was fetched, seen, loaded) and run ids (including fetch ids, which are per run)."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [
                name
                for name, kind in con.execute(
                    "select column_name, data_type from information_schema.columns where table_name = ? "
                    "order by ordinal_position",
                    [table],
                ).fetchall()
                if not kind.startswith("TIMESTAMP")
                and not name.endswith(("run_id", "fetch_id"))
                and name not in ("elapsed_ms",)
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f"select {select} from {table} order by all").fetchall()  # noqa: S608
    return out


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory):
    """A real Prefect server on 127.0.0.1 (as `newsetl serve` starts one), and the folder its task
    workers and the submitter share for shard parameters and results (PREFECT_LOCAL_STORAGE_PATH)."""
    home = prefect_home(tmp_path_factory.mktemp("prefect-home"))
    storage = tmp_path_factory.mktemp("shard-storage")
    saved = os.environ.get("PREFECT_API_URL")
    os.environ.pop("PREFECT_API_URL", None)
    try:
        with prefect_server(home, free_port()) as api:
            yield api, home, storage
    finally:
        if saved is not None:
            os.environ["PREFECT_API_URL"] = saved


def start_workers(n: int, api: str, home: Path, storage: Path) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "PREFECT_API_URL": api,
        "PREFECT_HOME": str(home),
        "PREFECT_LOCAL_STORAGE_PATH": str(storage),
    }
    return [
        subprocess.Popen(
            [NEWSETL, "worker"],
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(n)
    ]


def wait_subscribed(api: str, n: int, workers: list[subprocess.Popen], timeout: float = 180) -> None:
    """Until `n` task workers are subscribed to the server (their imports done)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for worker in workers:
            if worker.poll() is not None:
                raise AssertionError(f"a worker exited: {worker.stderr.read().decode()[-2000:]}")
        if len(requests.post(f"{api}/task_workers/filter", json={}, timeout=10).json()) >= n:
            return
        time.sleep(0.5)
    raise AssertionError("the task workers did not subscribe in time")


def task_run_states(api: str, name_prefix: str) -> list[str]:
    runs = requests.post(f"{api}/task_runs/filter", json={}, timeout=10).json()
    return sorted(r["state"]["type"] for r in runs if r["name"].startswith(name_prefix))


def test_a_worker_needs_a_prefect_server(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # no server announced there
    done = subprocess.run([NEWSETL, "worker"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "a worker takes its shards from a Prefect server: set PREFECT_API_URL" in done.stderr
    dead = f"http://127.0.0.1:{free_port()}/api"
    done = subprocess.run(
        [NEWSETL, "worker"], env=env | {"PREFECT_API_URL": dead}, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and f"PREFECT_API_URL is {dead} but no Prefect server answers" in done.stderr


def test_a_shard_is_lost_when_its_run_crashed_failed_or_overran_the_deadline():
    from datetime import UTC, datetime, timedelta

    from prefect.states import Completed, Crashed, Failed, Running, Scheduled

    from flows.executors import lost_because

    started = datetime.now(UTC)
    assert lost_because(Running(), started, deadline=60) is None
    assert "after 60 s" in lost_because(Running(), started - timedelta(seconds=61), deadline=60)
    assert lost_because(Crashed(message="gone"), started, 60) == "its task run ended Crashed: gone"
    assert lost_because(Failed(), started, 60).startswith("its task run ended Failed")
    assert lost_because(Completed(), started - timedelta(hours=1), 60) is None
    assert lost_because(Scheduled(), None, 60, waited=30) is None  # waiting for a free worker
    assert lost_because(Scheduled(), None, 60, waited=61) == "taken by no worker in 60 s"


def holds_connection(pid: int, local_ports: set[int]) -> bool:
    """Whether process `pid` has a TCP connection from one of `local_ports` (on 127.0.0.1)."""
    import psutil

    return any(c.laddr and c.laddr.port in local_ports for c in psutil.Process(pid).net_connections("tcp"))


def shard_runs(api: str) -> list[str]:
    """The states of the shard task runs the server has seen, sorted."""
    return task_run_states(api, "read_shard")


def on_workers(api: str, storage: Path):
    from prefect.settings import PREFECT_API_URL, PREFECT_LOCAL_STORAGE_PATH, temporary_settings

    return temporary_settings({PREFECT_API_URL: api, PREFECT_LOCAL_STORAGE_PATH: storage})


def differences(these: dict[str, list[tuple]], those: dict[str, list[tuple]]) -> dict[str, tuple[list, list]]:
    """Of each table whose rows differ: the rows only in `these`, the rows only in `those` (a readable
    failure; equal row sets give {})."""
    return {table: ([r for r in these[table] if r not in those[table]],
                    [r for r in those[table] if r not in these[table]])
            for table in these if these[table] != those[table]}


def ner_pools(monkeypatch) -> list:
    """The NerPool of each run started from here on (flows.ingest.ner_pool), to see what it read."""
    import flows.ingest

    pools, make = [], flows.ingest.ner_pool
    monkeypatch.setattr(flows.ingest, "ner_pool", lambda settings: pools.append(make(settings)) or pools[-1])
    return pools


@pytest.fixture(scope="module")
def local_run(tmp_path_factory, site_server, prefect_harness):
    """The sample site's 4 feeds in 2 shards on the flow's threads (`local`, the shards reading no entity:
    NEWSETL_SHARD_NER=auto and off alike): its rows and its NerPool, which the runs on other executors and
    with NER in the shards are compared with (one run for the module)."""
    tmp = tmp_path_factory.mktemp("local")
    sources = write_sources(tmp / "sources.toml", site_server.base_url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSETL_SHARD_FEEDS", "2")
        patch.setenv("NEWSETL_EXECUTOR", "local")
        patch.delenv("NEWSETL_SHARD_NER", raising=False)
        pools = ner_pools(patch)
        db = tmp / "local" / "news.duckdb"
        summary = ingest(sources_file=str(sources), warehouse_path=str(db))
        assert summary.status == "completed" and summary.articles["new"] > 0
    (pool,) = pools
    return rows(db), pool


def test_local_prefect_workers_and_dask_give_the_same_rows(
    tmp_path, site_server, prefect_harness, prefect_api, monkeypatch, local_run
):
    """... and with `prefect` and `dask` the shards read the entities (NEWSETL_SHARD_NER=auto): the run's
    NerPool is handed every text's spans and reads none itself; the mentions are the local run's."""
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    monkeypatch.setenv("NEWSETL_SHARD_FEEDS", "2")  # the 4 sample feeds in 2 shards
    pools = ner_pools(monkeypatch)

    def run(executor: str) -> Path:
        monkeypatch.setenv("NEWSETL_EXECUTOR", executor)
        db = tmp_path / executor / "news.duckdb"
        summary = ingest(sources_file=str(sources), warehouse_path=str(db))
        assert summary.status == "completed" and summary.articles["new"] > 0
        return db

    local, here = local_run  # the run with the shards on the flow's threads
    api, home, storage = prefect_api
    workers = start_workers(2, api, home, storage)
    try:
        wait_subscribed(api, 2, workers)
        with on_workers(api, storage):
            on_prefect = rows(run("prefect"))
    finally:
        for worker in workers:
            stop_process_group(worker, grace=5)
    assert shard_runs(api) == ["COMPLETED", "COMPLETED"]  # the 2 shards ran on the workers
    monkeypatch.setenv("NEWSETL_DASK_WORKERS", "2")
    on_dask = rows(run("dask"))
    assert local["articles"] and local["fetches"] and local["article_entities"]
    assert on_prefect == local
    assert on_dask == local
    prefect_pool, dask_pool = pools
    assert here.texts_read > 0 and here.texts_seeded == 0  # local: the run's NER read every text
    for pool in (prefect_pool, dask_pool):  # the workers read them all: the run's process read none
        assert (pool.texts_read, pool.texts_seeded) == (0, here.texts_read)


def test_shards_that_read_entities_give_the_same_rows(tmp_path, site_server, prefect_harness, monkeypatch,
                                                     local_run):
    """NEWSETL_SHARD_NER=on with `local` shards (threads of the run's process, as a worker runs them):
    the shards' spans are the ones the run's NER would read, so the rows are the same, and the run's
    NerPool, handed every text's spans, reads none. (The run with NEWSETL_SHARD_NER=off: local_run.)"""
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    monkeypatch.setenv("NEWSETL_SHARD_FEEDS", "2")
    pools = ner_pools(monkeypatch)

    def run(shard_ner: str) -> dict:
        monkeypatch.setenv("NEWSETL_SHARD_NER", shard_ner)
        summary = ingest(sources_file=str(sources), warehouse_path=str(tmp_path / shard_ner / "news.duckdb"))
        assert summary.status == "completed" and summary.articles["new"] > 0
        return rows(tmp_path / shard_ner / "news.duckdb")

    off_rows, off = local_run
    assert not (diff := differences(run("on"), off_rows)), diff
    (on,) = pools
    assert off.texts_read > 0 and off.texts_seeded == 0
    assert (on.texts_read, on.texts_seeded) == (0, off.texts_read)


def test_a_worker_killed_mid_shard_loses_nothing_and_doubles_nothing(
    tmp_path, site_server, prefect_harness, prefect_api, monkeypatch, routes
):
    """Two feeds, one shard each, one slow article page each (slow in the local run too: the same bytes
    and headers): once both pages are being fetched, each
    worker is in the middle of a shard; one worker is SIGKILLed. Its shard's task run stays Running on
    the server until the deadline, is marked Crashed and submitted again, and the other worker does it:
    the warehouse is the one a local run gives, every article and fetch once."""
    monkeypatch.setenv("NEWSETL_READ_TIMEOUT", "60")  # a slow page is slow, not a timeout
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    text = sources.read_text(encoding="utf-8")
    for name in ("northern-courier", "daily8-world"):  # two feeds with article pages: two shards
        start = text.index(f'name = "{name}"')
        end = text.find("[[sources]]", start)
        text = text[: text.rindex("[[sources]]", 0, start)] + (text[end:] if end != -1 else "")
    sources.write_text(text, encoding="utf-8")
    slow = {
        "/independent/articles/bank-of-england-holds-rates.html",
        "/harbourtimes/articles/council-approves-harbour-dredging-plan.html",
    }
    slow = {path for path in slow if (SAMPLE_SITE / path.lstrip("/")).is_file()}
    assert len(slow) == 2, "pick two article pages of the sample site, one per feed"
    in_flight: set[str] = set()
    client_ports: set[int] = set()  # the client ends of the slow pages' connections: who is fetching them
    both = threading.Event()

    def slow_page(path):
        def answer(handler):
            client_ports.add(handler.client_address[1])
            in_flight.add(path)
            if len(in_flight) == 2:
                both.set()
            time.sleep(3)
            return (
                200,
                {"Content-Type": "text/html; charset=utf-8"},
                (SAMPLE_SITE / path.lstrip("/")).read_bytes(),
            )

        return answer

    for path in slow:
        routes[path] = slow_page(path)
    monkeypatch.setenv("NEWSETL_SHARD_FEEDS", "1")
    local_db = tmp_path / "local" / "news.duckdb"
    assert ingest(sources_file=str(sources), warehouse_path=str(local_db)).status == "completed"

    in_flight.clear()  # from here on, the workers' fetches
    client_ports.clear()
    both.clear()
    api, home, storage = prefect_api
    before = shard_runs(api)
    workers = start_workers(2, api, home, storage)
    killed = []

    def kill_one():
        if both.wait(timeout=240):  # each worker holds one shard (one at a time each)
            # the worker whose connection is fetching a slow page: it is in the middle of its shard
            holder = next(w for w in workers if holds_connection(w.pid, client_ports))
            os.kill(holder.pid, signal.SIGKILL)
            killed.append(holder.pid)

    monkeypatch.setenv("NEWSETL_EXECUTOR", "prefect")
    monkeypatch.setenv("NEWSETL_SHARD_DEADLINE", "10")
    # the shards do not read entities here: a worker's first NER loads spaCy, seconds that would count
    # against the 10 s deadline on a busy machine (NER on workers: the test above)
    monkeypatch.setenv("NEWSETL_SHARD_NER", "off")
    db = tmp_path / "killed" / "news.duckdb"
    try:
        wait_subscribed(api, 2, workers)
        killer = threading.Thread(target=kill_one, daemon=True)
        killer.start()
        with on_workers(api, storage):
            summary = ingest(sources_file=str(sources), warehouse_path=str(db))
        killer.join(timeout=5)
    finally:
        for worker in workers:
            stop_process_group(worker, grace=5)
    assert killed, "no worker was killed mid-shard"
    assert summary.status == "completed"
    runs = shard_runs(api)
    for state in before:
        runs.remove(state)
    assert runs == ["COMPLETED", "COMPLETED", "CRASHED"]  # the lost run, its second attempt, the other
    assert rows(db) == rows(local_db)


def test_a_shard_is_given_the_known_titles_of_its_own_feeds_and_outlets_only():
    import polars as pl

    from flows.ingest import titles_of
    from flows.shards import Shard
    from newsetl.config import Feed
    from transforms.outlets import source_id_for

    mine, section, other = (
        Feed(name="mine", kind="rss", url="http://a.example/rss", outlet="A News"),
        Feed(name="a-world", kind="rss", url="http://a.example/world.rss", outlet="A News"),
        Feed(name="other", kind="rss", url="http://b.example/rss", outlet="B Daily"),
    )
    known = pl.DataFrame(
        {
            "feed_id": [mine.feed_id, section.feed_id, other.feed_id],
            "source_id": [source_id_for("A News"), source_id_for("A News"), source_id_for("B Daily")],
            "url": ["http://a.example/1", "http://a.example/2", "http://b.example/1"],
            "title": ["A one", "A two", "B one"],
        }
    )
    # the outlet's other section feed listed /2 first: it is known to this shard too, and not fetched again
    assert titles_of(Shard((mine,), (None,)), known).rows() == [
        ("http://a.example/1", "A one"),
        ("http://a.example/2", "A two"),
    ]


def test_shard_ner_is_on_where_shards_run_on_workers(monkeypatch):
    from newsetl.config import ConfigError, Settings

    assert [Settings(executor=e).ner_in_shards for e in ("local", "prefect", "dask")] == [False, True, True]
    assert Settings(executor="local", shard_ner="on").ner_in_shards
    assert not Settings(executor="dask", shard_ner="off").ner_in_shards
    monkeypatch.setenv("NEWSETL_SHARD_NER", "workers")
    with pytest.raises(ConfigError, match="NEWSETL_SHARD_NER='workers': must be one of auto, on, off"):
        Settings.from_env()


def test_a_shard_reads_the_texts_of_items_not_known_under_their_title_and_never_fails_for_ner(caplog):
    """new_texts: what the merge's NER would be asked for (title, blank line, text) of the feed's items
    whose URL is not stored under the same title; a model that cannot be loaded on a worker leaves the
    texts to the run (no spans, a warning), and the feed's result is otherwise whole."""
    import logging
    from datetime import datetime

    import polars as pl

    from fetch.http import OK, FetchResult
    from flows.shards import FeedResult, new_texts, parse_fetched, with_ner_spans
    from newsetl.config import Feed

    url = "http://127.0.0.1:9/independent/rss.xml"  # nothing is fetched: the body is the sample's
    feed = Feed(name="independent-world", kind="rss", url=url, outlet="The Independent")
    body = (SAMPLE_SITE / "independent" / "rss.xml").read_bytes()
    fetch = FetchResult(url, url, OK, datetime(2026, 11, 28, 12), 1.0, 200, body=body,
                        content_type="application/rss+xml")
    logger = logging.getLogger("test_shard_ner")
    parsed = parse_fetched(FeedResult(feed=feed, fetch=fetch), logger)
    items = parsed.items.filter(pl.col("item_url").is_not_null())
    assert items.height >= 3
    no_titles = pl.DataFrame(schema={"url": pl.String, "title": pl.String})
    assert len(new_texts(parsed, no_titles)) == items.height  # every text is distinct here
    first, second = items.row(0, named=True), items.row(1, named=True)
    known = pl.DataFrame({"url": [r["item_url"] for r in items.iter_rows(named=True)],
                          "title": [r["title"] for r in items.iter_rows(named=True)]})
    # all known under their titles but the first; the second's title changed since it was stored
    known = known.filter(pl.col("url") != first["item_url"]).with_columns(
        pl.when(pl.col("url") == second["item_url"]).then(pl.lit("An older title")).otherwise("title")
        .alias("title"))
    texts = new_texts(parsed, known)
    assert len(texts) == 2
    assert sorted(t.split("\n\n")[0] for t in texts) == sorted([first["title"], second["title"]])
    with caplog.at_level(logging.WARNING, logger="test_shard_ner"):
        unread = with_ner_spans(parsed, no_titles, "no_such_spacy_model", logger)
    assert unread.ner_spans is None and unread.items is parsed.items
    assert "entities not read in the shard (the run reads them): ModelError" in caplog.text
