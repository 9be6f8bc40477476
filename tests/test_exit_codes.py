"""`newsetl run` tells a scheduler what happened (issue 17): 0 all loaded, 4 some sources failed, 5 all
failed, 2 a configuration error such as an unknown schedule group; the flow run and the runs table agree."""

from __future__ import annotations

import duckdb
from typer.testing import CliRunner

from newsetl.cli import EXIT_ALL_FAILED, EXIT_SOME_FAILED, EXIT_USAGE, app
from tests.conftest import SAMPLE_SITE

runner = CliRunner()

HEALTHY = f"""
[[sources]]
name = "northern-courier"
kind = "rss"
url = "{SAMPLE_SITE / 'northerncourier' / 'rss.xml'}"
outlet = "Northern Courier"
group = "hourly"
follow_links = true  # its items' links are file: URLs; the pages give the articles their https URLs
"""


def broken(tmp_path, n: int) -> str:
    return "".join(f"""
[[sources]]
name = "gone-{i}"
kind = "rss"
url = "{tmp_path / f'gone-{i}.xml'}"
outlet = "Gone {i}"
group = "frequent"
""" for i in range(n))


def run(tmp_path, text: str, *args: str):
    sources = tmp_path / "sources.toml"
    sources.write_text(text, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    return runner.invoke(app, ["run", "--sources", str(sources), "--warehouse", str(db), *args]), db


def test_an_unknown_group_is_an_error_naming_the_groups(tmp_path):
    result, db = run(tmp_path, HEALTHY + broken(tmp_path, 1), "--group", "freqent")
    assert result.exit_code == EXIT_USAGE
    assert "no source is in schedule group 'freqent'" in result.output
    assert "frequent, hourly" in result.output
    assert not db.exists()


def test_every_source_failing_exits_5_and_the_run_is_recorded_failed(tmp_path, prefect_harness):
    result, db = run(tmp_path, broken(tmp_path, 3))
    assert result.exit_code == EXIT_ALL_FAILED, result.output
    assert "all 3 source(s) failed" in result.output
    assert "the others loaded" not in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        status, error = con.execute("select status, error from runs").fetchone()
        outcomes = con.execute("select outcome from fetches").fetchall()
    assert status == "failed" and "all 3 source(s) failed" in error
    assert outcomes == [("missing",)] * 3


def test_some_sources_failing_exits_4_and_the_others_load(tmp_path, prefect_harness):
    result, db = run(tmp_path, HEALTHY + broken(tmp_path, 1))
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert "1 of 2 source(s) failed" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select status from runs").fetchone()[0] == "completed"
        assert con.execute("select count(*) from articles").fetchone()[0] == 12
    again, _ = run(tmp_path, HEALTHY + broken(tmp_path, 1), "--group", "hourly")
    assert again.exit_code == 0, again.output


def test_unreachable_feeds_are_one_line_each_not_a_flood_of_retries(tmp_path, prefect_harness):
    """Five feeds on a closed loopback port: no urllib3 retry lines, one short reason per source."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    sources = tmp_path / "sources.toml"
    sources.write_text("".join(f'[[sources]]\nname = "down-{i}"\nkind = "rss"\n'
                               f'url = "http://127.0.0.1:9/feed-{i}.xml"\noutlet = "Down {i}"\n'
                               for i in range(5)), encoding="utf-8")
    import prefect.settings

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["COLUMNS"] = "200"
    env["PREFECT_API_URL"] = prefect.settings.PREFECT_API_URL.value()  # the suite's: no temporary server
    done = subprocess.run([sys.executable, "-m", "newsetl.cli", "run", "--sources", str(sources),
                           "--warehouse", str(tmp_path / "news.duckdb")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode == EXIT_ALL_FAILED, output
    assert "Retrying" not in output
    for i in range(5):
        assert f"connection refused: http://127.0.0.1:9/feed-{i}.xml" in done.stdout
