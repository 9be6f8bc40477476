"""`newsetl serve`: prefect.yaml read and checked; a real Prefect server started by serve itself, the flow
run on a short interval, overlapping runs of the same deployment not started, everything stopped on
SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import duckdb
import pytest
import requests

from newsetl.serve import ServeError, is_healthy, read_deployments, select_deployments
from tests.conftest import ROOT, SAMPLE_SITE, prefect_home

NEWSETL = str(Path(os.sys.executable).with_name("newsetl"))


def test_the_project_prefect_yaml_is_valid_and_its_sources_exist():
    specs = read_deployments(ROOT / "prefect.yaml")
    assert {s.name for s in specs} >= {"samples", "frequent", "hourly"}
    for spec in specs:
        assert Path(spec.parameters["sources_file"]).is_file()
        assert spec.crons and spec.concurrency_limit == 1 and spec.collision_strategy == "CANCEL_NEW"


def test_bad_deployments_are_named(tmp_path):
    path = tmp_path / "prefect.yaml"
    path.write_text("deployments:\n  - name: x\n    entrypoint: other.py:flow\n")
    with pytest.raises(ServeError, match=r"deployments\[0\] \('x'\): newsetl serves only"):
        read_deployments(path)
    path.write_text("deployments:\n  - name: x\n    schedules:\n      - interval: 60\n")
    with pytest.raises(ServeError, match="each schedule needs a cron"):
        read_deployments(path)
    path.write_text("deployments: [\n")
    with pytest.raises(ServeError, match="cannot read it"):
        read_deployments(path)
    path.write_text("deployments:\n  - name: a\n    parameters: {sources_file: s.toml}\n")
    (spec,) = read_deployments(path)
    assert spec.parameters["sources_file"] == str(tmp_path / "s.toml")  # relative to prefect.yaml
    with pytest.raises(ServeError, match="no deployment named b"):
        select_deployments([spec], ["b"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flow_runs(api: str) -> list[dict]:
    return requests.post(f"{api}/flow_runs/filter", json={}, timeout=5).json()


def test_serve_runs_the_flow_on_schedule_and_never_overlaps_a_group(tmp_path, site_server):
    feed = (SAMPLE_SITE / "independent" / "rss.xml").read_bytes()

    def slow_feed(handler):  # each run takes several seconds: the 2-second schedule would overlap it
        time.sleep(2.5)  # (under the tests' 3 s read timeout)
        return 200, {"Content-Type": "application/rss+xml"}, feed

    site_server.routes["/slow/rss.xml"] = slow_feed
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[outlets]]
name = "The Independent"
domain = "independent.co.uk"

[[sources]]
name = "slow-independent"
kind = "rss"
url = "{site_server.base_url}/slow/rss.xml"
outlet = "The Independent"
group = "frequent"
""")
    (tmp_path / "prefect.yaml").write_text("""
deployments:
  - name: frequent
    entrypoint: flows/ingest.py:ingest
    parameters: {sources_file: sources.toml, group: frequent}
    schedules: [{cron: "*/15 * * * *"}]
    concurrency_limit: {limit: 1, collision_strategy: CANCEL_NEW}
""")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(prefect_home(tmp_path / "prefect")),
           "PREFECT_RUNNER_POLL_FREQUENCY": "1", "PREFECT_LOGGING_LEVEL": "INFO"}
    env.pop("PREFECT_API_URL", None)
    db = tmp_path / "news.duckdb"
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 - closed below
    serve = subprocess.Popen([NEWSETL, "serve", "--prefect-yaml", str(tmp_path / "prefect.yaml"),
                              "--interval", "2", "--port", str(port), "--warehouse", str(db)],
                             env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 150
        runs: list[dict] = []
        while time.monotonic() < deadline:
            time.sleep(1)
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            if not is_healthy(api):
                continue
            runs = flow_runs(api)
            states = [r["state_type"] for r in runs]
            if states.count("COMPLETED") >= 2 and "CANCELLED" in states:
                break
        states = [r["state_type"] for r in runs]
        assert states.count("COMPLETED") >= 2, (states, (tmp_path / "serve.log").read_text()[-3000:])
        assert "CANCELLED" in states     # runs that came due while one was going were not started
        assert "FAILED" not in states
        assert all(r["parameters"]["group"] == "frequent" for r in runs)
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
        log.close()
    assert not is_healthy(api)  # the server serve started was stopped with it
    assert "stopped serving" in (tmp_path / "serve.log").read_text()
    with duckdb.connect(str(db), read_only=True) as con:
        runs_done = con.execute("select started_at, finished_at, status, sources_failed from runs "
                                "where status <> 'skipped' order by started_at").fetchall()
        assert con.execute("select count(*) from articles").fetchone()[0] == feed.count(b"<item>")
    completed = [r for r in runs_done if r[2] == "completed"]
    assert len(completed) >= 2 and all(r[3] == 0 for r in completed)
    for (_, end, *_), (next_start, *_) in zip(runs_done, runs_done[1:], strict=False):
        assert end is not None and next_start >= end, f"two runs of one group overlapped: {runs_done}"
