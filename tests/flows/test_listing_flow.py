"""A listing page as it comes (issue 14): the seed's shape in markup unlike the bundled page, read with no
selectors through the real flow (loopback server, `newsetl run`); and a page with no card, recorded as
`no_items` with its reason, named in the summary and the exit code, never "nothing new"."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from newsetl.cli import EXIT_ALL_FAILED, app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "listing"
CAPTURED = datetime(2026, 11, 28, 12)  # tests/conftest.py's clock
runner = CliRunner()

OUTLETS = """
[[outlets]]
name = "The Independent"
domain = "independent.co.uk"

[[outlets]]
name = "Telegraph"
domain = "telegraph.co.uk"
"""


def listing_source(name: str, url: str) -> str:
    return f"""
[[sources]]
name = "{name}"
kind = "listing"
url = "{url}"
allow_private_hosts = true  # the test server is on 127.0.0.1
"""


def run(tmp_path, text: str):
    sources = tmp_path / "sources.toml"
    sources.write_text(text, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    return runner.invoke(app, ["run", "--sources", str(sources), "--warehouse", str(db)]), db


def test_the_seed_shaped_page_gives_its_story_and_its_cards(tmp_path, site_server, prefect_harness):
    page = (FIXTURES / "seed_unfamiliar_markup.html").read_bytes()
    site_server.routes["/agg/story.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)
    result, db = run(tmp_path, OUTLETS + listing_source("agg", site_server.url("/agg/story.html")))
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""select a.title, s.name, a.published_at, a.fetched_at, a.body
                              from articles a join sources s using (source_id)
                              order by a.published_at""").fetchall()
        outlets = con.execute("select count(distinct source_id) from articles").fetchone()[0]
    assert len(rows) == 4 and outlets == 2
    assert {r[1] for r in rows} == {"The Independent", "Telegraph"}
    ages = sorted(r[3] - r[2] for r in rows)
    assert ages == sorted([timedelta(hours=6), timedelta(minutes=33), timedelta(hours=1), timedelta(hours=1)])
    story = next(r for r in rows if r[0].startswith("Russia becomes first country"))
    assert story[1] == "The Independent" and story[4].startswith("Russia has become the first nation")
    for row in rows:
        assert "DOWNLOAD THE APP" not in (row[4] or "") and "Try Our AI Features" not in (row[4] or "")


NO_CARDS = b"""<!DOCTYPE html><html><head><title>Maintenance</title></head><body>
<nav><a href="/world/all-the-world-news">World news from every corner</a></nav>
<p>We are updating this page. Please come back later.</p></body></html>"""


def test_a_listing_with_no_card_is_no_items_with_its_reason(tmp_path, site_server, prefect_harness):
    site_server.routes["/agg/empty.html"] = (200, {"Content-Type": "text/html"}, NO_CARDS)
    result, db = run(tmp_path, listing_source("empty-agg", site_server.url("/agg/empty.html")))
    assert result.exit_code == EXIT_ALL_FAILED, result.output
    assert "nothing new: the warehouse already holds everything" not in result.output
    assert "no_items" in result.output and "empty-agg" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        outcome, error = con.execute(
            "select last_outcome, last_error from analytics.feed_health where name = 'empty-agg'").fetchone()
    assert outcome == "no_items" and "no cards found" in error
