"""`newsetl sources` and `newsetl sources add` against a real HTTP server on 127.0.0.1 and real files."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import store
from newsetl.cli import app
from newsetl.config import load_sources
from newsetl.sources_cli import toml_string
from tests.conftest import ROOT

runner = CliRunner()
WIDE = {"COLUMNS": "300"}  # rich tables: no folded cells in the captured output

EXISTING = """# My sources. Keep this comment!
[[outlets]]
name = "Harbour Times"   # an inline comment too

[[sources]]
name = "harbour"
kind = "atom"
url = "feeds/harbour.xml"   # a path relative to this file
outlet = "Harbour Times"
"""

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>%s</title><link>https://x.example/</link>
<item><title>One</title><link>https://x.example/1</link></item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T2 Atom Feed</title><id>urn:t2</id>
<updated>2026-11-28T06:00:00Z</updated></feed>"""

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml"}


def page(head: str = "", title: str = "Home") -> bytes:
    return f"<!doctype html><html><head><title>{title}</title>{head}</head><body>News</body></html>".encode()


@pytest.fixture
def sources_file(tmp_path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(EXISTING, encoding="utf-8")
    return path


def add(site_server, sources_file: Path, path: str, *options: str):
    return runner.invoke(app, ["sources", "add", site_server.url(path), "--sources", str(sources_file),
                               *options])


def added(sources_file: Path) -> dict:
    """The last [[sources]] entry, after checking the whole file still validates."""
    load_sources(sources_file)
    return tomllib.loads(sources_file.read_text(encoding="utf-8"))["sources"][-1]


def test_add_from_link_rel_alternate_keeps_the_file_and_its_comments(site_server, sources_file):
    site_server.routes["/t1/"] = (200, HTML, page(
        '<meta property="og:site_name" content="Test Paper">'
        '<link rel="alternate" type="application/rss+xml" title="broken" href="/t1/missing.xml">'
        '<link rel="alternate" type="application/rss+xml" title="World" href="world/rss.xml">'))
    site_server.routes["/t1/world/rss.xml"] = (200, XML, RSS % b"Test Paper - World")
    result = add(site_server, sources_file, "/t1/")
    assert result.exit_code == 0, result.output
    assert '<link rel="alternate">' in result.output and "127-0-0-1" in result.output
    text = sources_file.read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # appended, not rewritten: comments and layout kept
    assert "# My sources. Keep this comment!" in text and "# an inline comment too" in text
    assert added(sources_file) == {"name": "127-0-0-1", "kind": "rss",
                                   "url": site_server.url("/t1/world/rss.xml"), "outlet": "Test Paper",
                                   "group": "default", "follow_links": True}
    assert [s.name for s in load_sources(sources_file).feeds] == ["harbour", "127-0-0-1"]


def test_add_from_a_common_path_with_options(site_server, sources_file):
    site_server.routes["/t2/"] = (200, HTML, page(title="T2 home"))  # announces no feed
    site_server.routes["/t2/atom.xml"] = (200, {"Content-Type": "text/plain"}, ATOM)  # sniffed, not typed
    before = len(site_server.requests)
    result = add(site_server, sources_file, "/t2/", "--name", "t2", "--group", "hourly", "--no-follow-links")
    assert result.exit_code == 0, result.output
    assert "common feed path /t2/atom.xml" in result.output
    assert added(sources_file) == {"name": "t2", "kind": "atom", "url": site_server.url("/t2/atom.xml"),
                                   "outlet": "T2 Atom Feed", "group": "hourly", "follow_links": False}
    asked = site_server.requests[before:]
    assert asked[0] == "/t2/" and asked[-1] == "/t2/atom.xml" and "/feed" not in asked  # stopped at the first


def test_add_a_url_that_is_a_feed(site_server, sources_file):
    result = add(site_server, sources_file, "/independent/rss.xml", "--outlet", 'The "Indy" \\ Paper')
    assert result.exit_code == 0, result.output
    assert "the URL is a feed" in result.output
    entry = added(sources_file)
    assert (entry["kind"], entry["url"]) == ("rss", site_server.url("/independent/rss.xml"))
    assert entry["outlet"] == 'The "Indy" \\ Paper'  # quoted safely
    site_server.routes["/t3/feed.json"] = (200, {"Content-Type": "application/json"},
                                           b'{"version": "https://jsonfeed.org/version/1.1", "title": "J3",'
                                           b' "items": []}')
    result = add(site_server, sources_file, "/t3/feed.json")
    assert result.exit_code == 0, result.output
    assert {k: added(sources_file)[k] for k in ("kind", "outlet")} == {"kind": "jsonfeed", "outlet": "J3"}


def test_no_feed_found_and_http_errors_are_clear(site_server, sources_file):
    site_server.routes["/t4/"] = (200, HTML, page(
        '<link rel="alternate" type="application/json" href="/t4/wp-json/page">'))
    site_server.routes["/t4/wp-json/page"] = (200, {"Content-Type": "application/json"}, b'{"id": 4}')
    result = add(site_server, sources_file, "/t4/")
    assert result.exit_code == 2
    assert site_server.url("/t4/") in result.output and "no feed found" in result.output
    assert "/t4/wp-json/page (not a feed)" in result.output and "Traceback" not in result.output
    missing = add(site_server, sources_file, "/t4/nothing-here")
    assert missing.exit_code == 2 and "HTTP 404" in missing.output and "/t4/nothing-here" in missing.output
    assert sources_file.read_text(encoding="utf-8") == EXISTING


def test_names_are_unique_and_a_known_feed_is_not_added_twice(site_server, sources_file):
    for path in ("/t5/a.xml", "/t5/b.xml", "/t5/c.xml"):
        site_server.routes[path] = (200, XML, RSS % path.encode())
    for path in ("/t5/a.xml", "/t5/b.xml", "/t5/c.xml"):
        assert add(site_server, sources_file, path).exit_code == 0
    names = [s.name for s in load_sources(sources_file).feeds]
    assert names == ["harbour", "127-0-0-1", "127-0-0-1-2", "127-0-0-1-3"]
    again = add(site_server, sources_file, "/t5/b.xml")
    assert again.exit_code == 2 and "already in" in again.output and "'127-0-0-1-2'" in again.output
    taken = add(site_server, sources_file, "/independent/rss.xml", "--name", "harbour")
    assert taken.exit_code == 2 and "'harbour' is already" in taken.output


def test_dry_run_writes_nothing(site_server, sources_file):
    site_server.routes["/t6/rss.xml"] = (200, XML, RSS % b"Six")
    files_before = sorted(p.name for p in sources_file.parent.iterdir())
    result = add(site_server, sources_file, "/t6/rss.xml", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output and "[[sources]]" in result.output and 'outlet = "Six"' in result.output
    assert sources_file.read_text(encoding="utf-8") == EXISTING
    assert sorted(p.name for p in sources_file.parent.iterdir()) == files_before


def test_a_new_file_and_an_invalid_file(site_server, tmp_path):
    site_server.routes["/t7/rss.xml"] = (200, XML, RSS % b"Seven")
    fresh = tmp_path / "new.toml"
    assert add(site_server, fresh, "/t7/rss.xml").exit_code == 0
    assert [s.name for s in load_sources(fresh).feeds] == ["127-0-0-1"]

    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nname = "x"\nkind = "rs"\nurl = "a.xml"\noutlet = "O"\n', encoding="utf-8")
    result = add(site_server, bad, "/t7/rss.xml")
    assert result.exit_code == 2 and "kind must be one of" in result.output and str(bad) in result.output
    assert bad.read_text(encoding="utf-8").endswith('outlet = "O"\n')  # untouched
    broken = tmp_path / "broken.toml"
    broken.write_text("[[sources]\n", encoding="utf-8")
    result = add(site_server, broken, "/t7/rss.xml")
    assert result.exit_code == 2 and "not valid TOML" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "broken.toml", "new.toml"]  # no temp


def test_toml_string_round_trips():
    for value in ['plain', 'quo"te', "back\\slash", "tab\tnew\nline", "ctl\x01\x7f", "Café 東京"]:
        assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_list_without_a_warehouse(tmp_path, sources_file):
    result = runner.invoke(app, ["sources", "--sources", str(sources_file), "--warehouse",
                                 str(tmp_path / "none.duckdb")], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "harbour" in result.output and "atom" in result.output and "never polled" in result.output
    assert (tmp_path / "feeds" / "harbour.xml").as_uri() in result.output
    assert "no warehouse at" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]]\nname = 1\n", encoding="utf-8")
    invalid = runner.invoke(app, ["sources", "-s", str(bad)])
    assert invalid.exit_code == 2 and "name is required" in invalid.output


def test_list_with_health_from_the_warehouse(tmp_path, sources_file):
    with sources_file.open("a", encoding="utf-8") as handle:
        handle.write('\n[[sources]]\nname = "fresh"\nkind = "rss"\nurl = "https://fresh.example/rss.xml"\n'
                     'outlet = "Fresh"\ngroup = "hourly"\n')
    config = load_sources(sources_file)
    harbour = config.feeds[0]
    path = tmp_path / "news.duckdb"
    with store.connect(path) as con:
        store.migrate(con)
        con.execute("""insert into feeds (feed_id, name, url, kind, schedule_group, follow_links,
                           last_status_code, last_outcome, last_error, last_fetched_at, last_success_at,
                           error_streak, items_last_run)
                       values (?, ?, ?, 'atom', 'default', false, 503, 'http_error', 'HTTP 503',
                               ?, ?, 3, 7)""",
                    [harbour.feed_id, harbour.name, harbour.url, datetime(2026, 11, 28, 9, 30),
                     datetime(2026, 11, 27, 18, 5)])
        for number, (purpose, elapsed) in enumerate([("feed", 100.0), ("feed", 250.0), ("feed", 400.0),
                                                     ("article", 9000.0)]):
            con.execute("""insert into fetches (fetch_id, run_id, feed_id, purpose, url, outcome, elapsed_ms,
                               fetched_at) values (?, 'r1', ?, ?, ?, 'ok', ?, ?)""",
                        [f"f{number}", harbour.feed_id, purpose, harbour.url, elapsed,
                         datetime(2026, 11, 28)])
    for command in (["sources"], ["sources", "list"]):
        result = runner.invoke(app, [*command, "-s", str(sources_file), "-w", str(path)], env=WIDE)
        assert result.exit_code == 0, result.output
        harbour_line = next(line for line in result.output.splitlines() if "harbour" in line)
        for cell in ("http_error", "503", "3", "2026-11-27 18:05", "7", "250"):
            assert cell in harbour_line, (cell, harbour_line)
        fresh_line = next(line for line in result.output.splitlines() if "fresh" in line)
        assert "never polled" in fresh_line and "hourly" in fresh_line
        assert "no warehouse" not in result.output
    with store.connect(path, read_only=True) as con:  # the listing wrote nothing
        assert con.execute("select count(*) from feeds").fetchone() == (1,)


def test_the_example_sources_file_is_valid():
    """sources.example.toml lists real feeds (never fetched here): it must load, and be what it says."""
    config = load_sources(ROOT / "sources.example.toml")
    assert len(config.feeds) >= 20
    assert {s.group for s in config.feeds} == {"frequent", "hourly"}
    assert {"rss", "atom"} <= {s.kind for s in config.feeds}
    assert all(s.url.startswith("https://") for s in config.feeds)
    outlets = {o.name: o for o in config.outlets}
    assert all(s.outlet in outlets for s in config.feeds)
    assert all(o.domain and o.homepage for o in outlets.values())
    text = (ROOT / "sources.example.toml").read_text(encoding="utf-8")
    assert "internet" in text.split("[[outlets]]")[0] and "never fetched by the tests" in text


REMOVABLE = """# The sources of a test.

[[outlets]]
name = "A"

# first feed
[[sources]]
name = "one"
kind = "rss"
url = "https://one.example/rss.xml"  # trailing comment
outlet = "A"

# second feed, kept byte for byte\r
[[sources]]
name = "two"
kind = "atom"
url = "https://two.example/atom.xml"
outlet = "A"
selectors = { card = "//a" }
"""


def test_remove_takes_out_one_entry_and_keeps_every_other_byte(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_bytes(REMOVABLE.encode())
    dry = runner.invoke(app, ["sources", "remove", "one", "--sources", str(path), "--dry-run"])
    assert dry.exit_code == 0 and "would remove source 'one'" in dry.output
    assert path.read_bytes() == REMOVABLE.encode()
    result = runner.invoke(app, ["sources", "remove", "one", "--sources", str(path)])
    assert result.exit_code == 0, result.output
    assert "its articles stay in the warehouse" in result.output
    entry = ('# first feed\n[[sources]]\nname = "one"\nkind = "rss"\n'
             'url = "https://one.example/rss.xml"  # trailing comment\noutlet = "A"\n\n')
    expected = REMOVABLE.replace(entry, "")
    assert path.read_bytes() == expected.encode()
    assert [s.name for s in load_sources(path).feeds] == ["two"]
    unknown = runner.invoke(app, ["sources", "remove", "nope", "--sources", str(path)])
    assert unknown.exit_code == 2 and "no source of that name" in unknown.output and "two" in unknown.output
    last = runner.invoke(app, ["sources", "remove", "two", "--sources", str(path)])
    assert last.exit_code == 2 and "would not be valid" in last.output
    assert path.read_bytes() == expected.encode()


LISTING_PAGE = (ROOT / "tests" / "fixtures" / "listing" / "seed_unfamiliar_markup.html").read_bytes()


def test_a_listing_page_shows_its_cards_before_the_entry(site_server, sources_file):
    site_server.routes["/t9/story.html"] = (200, HTML, LISTING_PAGE)
    dry = add(site_server, sources_file, "/t9/story.html", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "4 cards found; fields per card: link 4/4, title 4/4, outlet 4/4, time 4/4, text 4/4" in dry.output
    assert "Trump needs to act now. Putin won't stop" in dry.output
    assert "Telegraph | 33 minutes ago" in dry.output
    assert "would add listing page" in dry.output and 'kind = "listing"' in dry.output
    assert sources_file.read_text(encoding="utf-8") == EXISTING
    result = add(site_server, sources_file, "/t9/story.html")
    assert result.exit_code == 0, result.output
    entry = added(sources_file)
    assert entry["kind"] == "listing" and "outlet" not in entry  # the cards name their own outlets


def test_listing_forces_the_page_and_says_when_it_has_no_cards(site_server, sources_file):
    site_server.routes["/t10/"] = (200, HTML, page('<link rel="alternate" type="application/rss+xml" '
                                                     'href="/t10/rss.xml">'))
    site_server.routes["/t10/rss.xml"] = (200, XML, RSS % b"Ten")
    result = add(site_server, sources_file, "/t10/", "--listing")
    assert result.exit_code == 2 and "not a listing page" in result.output
    assert sources_file.read_text(encoding="utf-8") == EXISTING
