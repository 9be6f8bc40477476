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
from tests.conftest import SAMPLE_SITE, write_sources
from tests.test_serve import free_port

NEWSETL = str(Path(os.sys.executable).with_name("newsetl"))
# what a run's rows are made of; its own id and the moments things happened differ from run to run
TABLES = ["sources", "source_aliases", "articles", "article_versions", "article_signatures", "entities",
          "entity_aliases", "article_entities", "feeds", "fetches", "rejected_items"]


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of TABLES without the columns that legitimately differ between two runs of one input:
    timestamps (when it was fetched, seen, loaded) and run ids (including fetch ids, which are per run)."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [name for name, kind in con.execute(
                "select column_name, data_type from information_schema.columns where table_name = ? "
                "order by ordinal_position", [table]).fetchall()
                if not kind.startswith("TIMESTAMP") and not name.endswith(("run_id", "fetch_id"))
                and name not in ("elapsed_ms",)]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f"select {select} from {table} order by all").fetchall()  # noqa: S608
    return out


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory):
    """A real Prefect server on 127.0.0.1 (as `newsetl serve` starts one), and the folder its task
    workers and the submitter share for shard parameters and results (PREFECT_LOCAL_STORAGE_PATH)."""
    home = tmp_path_factory.mktemp("prefect-home")
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
    env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_HOME": str(home),
           "PREFECT_LOCAL_STORAGE_PATH": str(storage)}
    return [subprocess.Popen([NEWSETL, "worker"], env=env, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(n)]


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
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")   # no server announced there
    done = subprocess.run([NEWSETL, "worker"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "a worker takes its shards from a Prefect server: set PREFECT_API_URL" in done.stderr
    dead = f"http://127.0.0.1:{free_port()}/api"
    done = subprocess.run([NEWSETL, "worker"], env=env | {"PREFECT_API_URL": dead}, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2 and f"PREFECT_API_URL is {dead} but no Prefect server answers" in done.stderr


def test_a_shard_is_lost_when_its_run_crashed_failed_or_overran_the_deadline():
    from datetime import UTC, datetime, timedelta

    from prefect.states import Completed, Crashed, Failed, Running

    from flows.executors import lost_because

    started = datetime.now(UTC)
    assert lost_because(Running(), started, deadline=60) is None
    assert "after 60 s" in lost_because(Running(), started - timedelta(seconds=61), deadline=60)
    assert lost_because(Crashed(message="worker gone"), started, 60) == "its task run ended Crashed: worker gone"
    assert lost_because(Failed(), started, 60).startswith("its task run ended Failed")
    assert lost_because(Completed(), started - timedelta(hours=1), 60) is None
