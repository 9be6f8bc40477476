"""Only the merge holds the ingest lock (issue 15): two schedule groups whose stateless parts (fetch, parse,
NER) overlap in time, their merges taking turns, give the same warehouse as the two run one after the
other. The merge reads the warehouse state again under the lock, so the slower group merges against
what the faster one loaded while it was fetching."""

from __future__ import annotations

import threading

import duckdb
import pytest

from flows.ingest import ingest
from newsetl import clock
from tests.conftest import SAMPLE_CAPTURED_AT, SAMPLE_SITE, write_sources
from tests.flows.test_same_input import dump

SLOW_FEED = "/independent/rss.xml"


def grouped_sources(tmp_path, base_url):
    """The sample sources in two schedule groups: `slow` (The Independent, Northern Courier) and `fast`."""
    path = write_sources(tmp_path / "sources.toml", base_url)
    text = path.read_text(encoding="utf-8")
    for name, group in (("independent-world", "slow"), ("northern-courier", "slow"),
                        ("harbour-times", "fast"), ("daily8-world", "fast")):
        text = text.replace(f'name = "{name}"\n', f'name = "{name}"\ngroup = "{group}"\n')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def frozen_clock():
    """Every run fetches at the same instant, so rows dated by their fetch compare equal across runs."""
    with clock.pinned(SAMPLE_CAPTURED_AT, frozen=True):
        yield


def test_two_groups_fetch_at_once_and_merge_in_turn_like_one_after_the_other(
        tmp_path, site_server, prefect_harness, monkeypatch, frozen_clock):
    monkeypatch.setenv("NEWSETL_READ_TIMEOUT", "120")  # the held feed must not time out
    sources = grouped_sources(tmp_path, site_server.base_url)
    feed = (SAMPLE_SITE / SLOW_FEED.lstrip("/")).read_bytes()
    entered, release = threading.Event(), threading.Event()
    released_by_the_other_run = []

    def held_feed(handler):  # the slow group's fetch waits here until the fast group's run has ended
        entered.set()
        released_by_the_other_run.append(release.wait(timeout=90))
        return 200, {"Content-Type": "application/rss+xml"}, feed

    site_server.routes[SLOW_FEED] = held_feed
    together = tmp_path / "together.duckdb"
    slow_result = []
    slow = threading.Thread(target=lambda: slow_result.append(
        ingest(sources_file=str(sources), warehouse_path=str(together), group="slow")))
    try:
        slow.start()
        assert entered.wait(timeout=120), "the slow group never fetched its feed"
        fast = ingest(sources_file=str(sources), warehouse_path=str(together), group="fast")
        release.set()
        slow.join(timeout=300)
    finally:
        release.set()
        site_server.routes.pop(SLOW_FEED, None)
    assert fast.status == "completed" and fast.articles["new"] > 0
    assert slow_result and slow_result[0].status == "completed" and slow_result[0].articles["new"] > 0
    # the fast group's whole run, its merge included, happened while the slow one was fetching
    assert released_by_the_other_run == [True]

    one_after_the_other = tmp_path / "sequential.duckdb"
    for group in ("fast", "slow"):  # the order the merges took
        assert ingest(sources_file=str(sources), warehouse_path=str(one_after_the_other),
                      group=group).status == "completed"
    assert dump(together) == dump(one_after_the_other)
    with duckdb.connect(str(together), read_only=True) as con:
        statuses = con.execute("select schedule_group, status from runs order by all").fetchall()
    assert statuses == [("fast", "completed"), ("slow", "completed")]  # neither marked interrupted
