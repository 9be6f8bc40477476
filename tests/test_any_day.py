"""The same sources give the same rows on any day (issue 12): `newsetl run` on the bundled sample, as
`make run` does it, once with the machine's clock moved a year ahead by libfaketime (LD_PRELOAD, for the
whole process tree newsetl starts: the CLI and its NER workers) and NEWSETL_NOW unset, once on the real
clock with NEWSETL_NOW set to the sample's capture time. Both report to the suite's Prefect server, which
runs on the real clock: the faked run's processes are a year ahead of their server. (A temporary Prefect
server started under libfaketime took about 90 s to start: the test took 102 s, now about 45 s.)"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import duckdb
import libfaketime
import prefect.settings
import pytest

from tests.conftest import ROOT, prefect_home

# what an article is, leaving out when this machine happened to fetch it (first_seen_at, fetched_at)
ARTICLES = """select article_id, canonical_url, source_id, title, body, published_at, published_source,
                     content_hash, duplicate_of, story_id
              from articles order by article_id"""
ENTITIES = "select entity_id, canonical_name, entity_type from entities order by entity_id"
MENTIONS = "select * from article_entities order by all"


def cli_run(tmp_path, name: str, offset: str | None, now: str | None,
            api_url: str | None = None) -> duckdb.DuckDBPyConnection:
    """`newsetl run` on sources.toml into its own warehouse: the machine's clock moved by `offset`
    (libfaketime syntax, e.g. "+400d") or left alone; NEWSETL_NOW set to `now` or left unset; reporting to
    the Prefect server at `api_url`, or to a temporary server of its own."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PREFECT_API") and k not in ("NEWSETL_NOW", "NEWSETL_CLOCK_ANCHOR")}
    if api_url:
        env["PREFECT_API_URL"] = api_url
    env["NEWSETL_WAREHOUSE_PATH"] = str(tmp_path / name / "news.duckdb")
    if offset:
        prefect_home(tmp_path / "prefect")
        _, info = libfaketime.get_reload_information()
        env |= {"LD_PRELOAD": os.path.join(info["LD_LIBRARY_PATH"], info["LD_PRELOAD"]), "FAKETIME": offset,
                "FAKETIME_DONT_FAKE_MONOTONIC": "1",
                # Prefect's local state for the faked run, apart from the one the suite's other processes
                # wrote with the real clock
                "PREFECT_HOME": str(tmp_path / "prefect")}
    if now:
        env["NEWSETL_NOW"] = now
    done = subprocess.run([sys.executable, "-m", "newsetl.cli", "run"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return duckdb.connect(str(tmp_path / name / "news.duckdb"), read_only=True)


@pytest.mark.skipif(not hasattr(libfaketime, "get_reload_information"), reason="libfaketime API changed")
def test_the_sample_gives_the_same_rows_with_the_machine_clock_a_year_ahead(tmp_path, prefect_harness):
    # the faked run reports to the suite's Prefect server, which runs on the real clock (a server started
    # under libfaketime took about 90 s to start): newsetl's processes are a year ahead of their server
    api_url = prefect.settings.PREFECT_API_URL.value()
    ahead = cli_run(tmp_path, "ahead", "+400d", None, api_url)        # the machine's clock, moved
    back = cli_run(tmp_path, "back", None, "2026-11-28T12:00:00Z", api_url)  # the clock newsetl reads, set
    with ahead, back:
        fetched_ahead = ahead.execute("select min(fetched_at) from fetches").fetchone()[0]
        fetched_back = back.execute("select min(fetched_at) from fetches").fetchone()[0]
        # the fake took hold (the machine thought it was 400 days later), and NEWSETL_NOW won over it
        assert (fetched_ahead - datetime.now()).days >= 390
        assert fetched_back.date() == datetime(2026, 11, 28).date()
        for query in (ARTICLES, ENTITIES, MENTIONS):
            assert ahead.execute(query).fetchall() == back.execute(query).fetchall()
        # the listing's "33 minutes ago" cards are in the story of the articles they are about
        story = """select count(*) from articles where story_id = (select story_id from articles
                   where canonical_url like '%putin-endorses-barents-sea-safety-accord%')"""
        assert ahead.execute(story).fetchone()[0] == back.execute(story).fetchone()[0] >= 5
