"""`newsetl run` against a Prefect server already up: it reports to that server (found through
PREFECT_API_URL, or through the URL `newsetl serve` announces in the project's Prefect home) instead of
starting Prefect's temporary one; a configured server that does not answer is an error, not a silent
temporary server."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import requests

from newsetl.serve import announced, announcement_path, configured_server, prefect_server
from tests.conftest import SAMPLE_SITE, prefect_home
from tests.test_serve import free_port

NEWSETL = str(Path(os.sys.executable).with_name("newsetl"))


def one_feed_sources(tmp_path: Path, base_url: str) -> Path:
    """A sources file of the sample site's one Independent feed (not conftest.write_sources' whole site:
    each run here is a fresh process, and one feed keeps it short)."""
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[outlets]]
name = "The Independent"
domain = "independent.co.uk"

[[sources]]
name = "independent"
kind = "rss"
url = "{base_url}/independent/rss.xml"
outlet = "The Independent"
""")
    return sources


def flow_run_names(api: str) -> list[str]:
    runs = requests.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()
    return [r["parameters"].get("sources_file") for r in runs]


def test_a_run_reports_to_the_server_that_is_up_instead_of_starting_one(tmp_path, site_server):
    assert (SAMPLE_SITE / "independent" / "rss.xml").is_file()
    sources = one_feed_sources(tmp_path, site_server.base_url)
    home = prefect_home(tmp_path / "prefect-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(home)
    db = tmp_path / "news.duckdb"
    with prefect_server(home, free_port()) as api:
        assert flow_run_names(api) == []
        with announced(home, api):  # as `newsetl serve` does while it serves
            done = subprocess.run([NEWSETL, "run", "--sources", str(sources), "--warehouse", str(db)],
                                  env=env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-3000:]
        assert flow_run_names(api) == [str(sources)]   # the run is on the server that was up
        assert not announcement_path(home).exists()    # serving over, the announcement is gone
        done = subprocess.run([NEWSETL, "run", "--sources", str(sources), "--warehouse", str(db)],
                              env=env | {"PREFECT_API_URL": api}, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        assert flow_run_names(api) == [str(sources)] * 2


def test_a_configured_server_that_does_not_answer_is_an_error(tmp_path, site_server):
    sources = one_feed_sources(tmp_path, site_server.base_url)
    dead = f"http://127.0.0.1:{free_port()}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": dead}
    db = tmp_path / "n.duckdb"
    done = subprocess.run([NEWSETL, "run", "--sources", str(sources), "--warehouse", str(db)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert f"PREFECT_API_URL is {dead} but no Prefect server answers there" in done.stderr
    assert not db.exists()


def test_an_announcement_left_by_a_killed_serve_is_ignored(tmp_path):
    home = tmp_path / "prefect-home"
    home.mkdir()
    announcement_path(home).write_text(f"http://127.0.0.1:{free_port()}/api\n")
    assert configured_server(home, None) is None          # Prefect's temporary server, as by default
    announcement_path(home).write_text("file:///etc/passwd\n")
    assert configured_server(home, None) is None
