"""A whole `ingest` run over hostile sources served from loopback: feeds, a listing page and article pages
whose links, redirects, canonical URLs and JSON-LD point at local files, script URLs, private addresses
and cloud metadata services. The canary file must reach no stored row and no raw body, the forbidden
server must receive no request, and every link dropped must be counted."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from flows.ingest import ingest
from newsetl.summary import print_summary
from tests.security.conftest import assert_canary_absent

PAGE = """<!doctype html><html><head><title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta property="og:image" content="javascript:alert(document.cookie)">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}","url":"{canonical}",
 "mainEntityOfPage":"{canonical}","image":"data:image/svg+xml,<svg onload=alert(1)>"}}</script>
</head><body><article><p>{title}: an ordinary paragraph of hostile page text.</p></article></body></html>"""


def rss(items: list[tuple[str | None, str | None]]) -> bytes:
    """An RSS feed of (link, title) items; None leaves the element out."""
    body = "".join("<item>" + (f"<title>{t}</title>" if t else "") + (f"<link>{link}</link>" if link else "")
                   + "<description>hostile item</description></item>" for link, t in items)
    return f'<rss version="2.0"><channel><title>Hostile</title>{body}</channel></rss>'.encode()


def escape(url: str) -> str:
    return url.replace("&", "&amp;").replace("<", "&lt;")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, site_server, forbidden_server, canary, prefect_harness):
    tmp = tmp_path_factory.mktemp("hostile")
    port, secret_path = forbidden_server.port, str(canary.path)
    bad_links = [f"file://x{secret_path}", f"file://localhost{secret_path}",
                  f"file://127.0.0.1{secret_path}", f"file:{secret_path}", f"FILE://{secret_path}",
                  canary.uri, "javascript:alert(document.cookie)", " JavaScript:alert(1)",
                  "data:text/html,<script>alert(1)</script>",
                  "http://[::1", f"http://127.0.0.1:{port}99999/"]  # not URLs at all: must fail nothing
    redirects = {"to-file": canary.uri, "to-upper-file": f"FILE://{secret_path}",
                 "to-metadata": "http://169.254.169.254/latest/meta-data/",
                 "to-alibaba": "http://100.100.100.200/latest/meta-data/"}
    for name, location in redirects.items():
        site_server.routes[f"/sec/hop/{name}"] = (302, {"Location": location}, b"")
    site_server.routes["/sec/page/hostile-canonical.html"] = (200, {"Content-Type": "text/html"}, PAGE.format(
        title="Canonical points home", canonical=canary.uri).encode())
    open_items = ([(escape(link), f"File probe {i}") for i, link in enumerate(bad_links)]
                  + [(site_server.url(f"sec/hop/{n}"), f"Hop {n}") for n in redirects]
                  + [(site_server.url("sec/page/hostile-canonical.html"), "Canonical points home")]
                  + [(None, None)] * 3)  # entries with neither link nor title: counted, not lost
    site_server.routes["/sec/open.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(open_items))

    tricks = ["0x7f000001", "2130706433", "127.1", "0177.0.0.1", "0.0.0.0", "user@127.0.0.1",
              "[::ffff:127.0.0.1]", "[::1]", "localhost", "localhost.", "app.localhost", "127.0.0.1"]
    strict_items = [(f"http://{host}:{port}/trick/{i}", f"Trick {i}") for i, host in enumerate(tricks)]
    strict_items += [("http://169.254.169.254/latest/meta-data/", "Metadata"),
                     ("http://[fd00:ec2::254]/latest/meta-data/", "Metadata v6"),
                     ("http://100.64.0.1/shared", "Shared range")]
    site_server.routes["/sec/strict.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(strict_items))
    site_server.routes["/sec/feed-hop/forbidden"] = (302, {"Location": forbidden_server.url("/feed.xml")},
                                                     b"")
    site_server.routes["/sec/feed-hop/file"] = (302, {"Location": canary.uri}, b"")

    cards = [canary.uri, "javascript:alert(1)", f"http://[::1]:{port}/card", f"http://127.0.0.1:{port}/card"]
    site_server.routes["/sec/listing.html"] = (200, {"Content-Type": "text/html"}, (
        "<html><body>" + "".join(
            f'<article class="story-card"><h3 class="card-title"><a href="{escape(link)}">Card {i}</a></h3>'
            f'<span class="card-outlet">Hostile Wire</span></article>' for i, link in enumerate(cards))
        + "</body></html>").encode())

    # a local feed (a file the user named): its own folder may be read, nothing outside it
    site = tmp / "localsite"
    (site / "articles").mkdir(parents=True)
    (site / "articles" / "ok.html").write_text(PAGE.format(
        title="Local page", canonical="https://local.example/news/ok"), encoding="utf-8")
    (site / "articles" / "escape.html").symlink_to(canary.path)
    local_items = [("articles/ok.html", "Local page"), ("articles/escape.html", "Symlink out"),
                   (os.path.relpath(canary.path, site), "Relative path out"), (canary.uri, "Absolute file")]
    (site / "feed.xml").write_bytes(rss(local_items))

    pipe = tmp / "pipe.xml"
    os.mkfifo(pipe)
    base = site_server.base_url
    sources = tmp / "sources.toml"
    sources.write_text(f"""
[[sources]]
name = "hostile-open"
kind = "rss"
url = "{base}/sec/open.xml"
outlet = "Hostile Open"
follow_links = true
allow_private_hosts = true   # the widest a source can be: still no files, scripts or metadata
respect_robots = false

[[sources]]
name = "hostile-strict"
kind = "rss"
url = "{base}/sec/strict.xml"
outlet = "Hostile Strict"
follow_links = true

[[sources]]
name = "hostile-listing"
kind = "listing"
url = "{base}/sec/listing.html"
follow_links = true

[[sources]]
name = "feed-redirects-to-private"
kind = "rss"
url = "{base}/sec/feed-hop/forbidden"
outlet = "Hostile Strict"

[[sources]]
name = "feed-redirects-to-file"
kind = "rss"
url = "{base}/sec/feed-hop/file"
outlet = "Hostile Strict"
allow_private_hosts = true

[[sources]]
name = "local-feed"
kind = "rss"
url = "{site / 'feed.xml'}"
outlet = "Local Post"
follow_links = true

[[sources]]
name = "named-pipe"
kind = "rss"
url = "{pipe}"
outlet = "Local Post"

[[sources]]
name = "device"
kind = "rss"
url = "/dev/zero"
outlet = "Local Post"
""", encoding="utf-8")
    db = tmp / "news.duckdb"
    requests_before = len(forbidden_server.requests)
    summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    return {"summary": summary, "db": db, "raw": tmp / "raw", "bad_links": bad_links, "cards": cards,
            "forbidden_requests": forbidden_server.requests[requests_before:]}


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_run_completes(hostile_run):
    assert hostile_run["summary"].status == "completed"


def test_no_stored_row_and_no_raw_body_holds_the_canary(hostile_run, canary):
    assert_canary_absent(hostile_run["db"], hostile_run["raw"], canary)


def test_the_forbidden_server_received_no_request(hostile_run):
    assert hostile_run["forbidden_requests"] == []


def test_every_stored_article_url_is_http(hostile_run):
    rows = query(hostile_run["db"], "select url, canonical_url, image_url from articles")
    assert rows
    for row in rows:
        for value in row:
            assert value is None or value.lower().startswith(("http://", "https://")), row


def unparseable(links: list[str]) -> list[str]:
    """The links that are not URLs at all ("http://[::1", a port out of range)."""
    def broken(link: str) -> bool:
        try:
            _ = urlsplit(link).port
        except ValueError:
            return True
        return False
    return [link for link in links if broken(link)]


def test_links_that_are_not_http_are_dropped_and_counted(hostile_run):
    counts = hostile_run["summary"].articles
    broken = unparseable(hostile_run["bad_links"])
    # open feed: every file/script link; listing: the file and script cards; local feed: the two file
    # links that are not its own pages (the symlink's page is refused, so its item keeps its file: link).
    # The links that are not URLs at all are rejected with their reason when the feed is parsed.
    assert counts["skipped_bad_scheme"] == len(hostile_run["bad_links"]) - len(broken) + 2 + 3
    assert counts["skipped_no_url"] == 3
    rejected = {r["item_url"] for r in hostile_run["summary"].rejected_items}
    assert len(broken) == 2 and set(broken) <= rejected


def test_the_summary_shows_the_dropped_items(hostile_run, capsys):
    from rich.console import Console

    print_summary(hostile_run["summary"], Console(width=200, force_terminal=False))
    out = capsys.readouterr().out
    assert "3 items without a link" in out
    skipped = len(hostile_run["bad_links"]) - len(unparseable(hostile_run["bad_links"])) + 5
    assert f"{skipped} with a link that is not http(s) skipped" in out


def test_every_hostile_page_fetch_was_refused(hostile_run):
    rows = dict(query(hostile_run["db"], """
        select f.url, f.outcome from fetches f join feeds using (feed_id)
        where f.purpose = 'article' and feeds.name in ('hostile-open', 'hostile-strict', 'hostile-listing')
          and f.url not like '%/sec/page/%'"""))
    assert rows and set(rows.values()) == {"refused"}, rows


def test_redirects_to_files_and_metadata_are_refused_at_the_hop(hostile_run):
    rows = query(hostile_run["db"], """select url, final_url, error from fetches
                                       where url like '%/sec/hop/%'""")
    assert len(rows) == 4
    for url, final_url, error in rows:
        assert final_url != url and error.startswith(f"refused {final_url}")


def test_a_hostile_canonical_url_falls_back_to_the_item_link(hostile_run):
    rows = query(hostile_run["db"], """select canonical_url, image_url from articles
                                       where title = 'Canonical points home'""")
    assert rows == [(rows[0][0], None)] and rows[0][0].endswith("/sec/page/hostile-canonical.html")


def test_feed_redirects_out_of_the_written_origin_are_refused(hostile_run):
    rows = dict(query(hostile_run["db"], """select name, last_outcome from feeds
                                            where name like 'feed-redirects-%'"""))
    assert rows == {"feed-redirects-to-private": "refused", "feed-redirects-to-file": "refused"}


def test_a_local_feed_reads_its_own_folder_and_nothing_else(hostile_run):
    db = hostile_run["db"]
    assert query(db, "select url, content_source from articles where title = 'Local page'") == [
        ("https://local.example/news/ok", "page")]
    refused = query(db, """select count(*) from fetches f join feeds using (feed_id)
                           where feeds.name = 'local-feed' and f.purpose = 'article'
                             and f.outcome = 'refused'""")
    assert refused == [(3,)]


def test_named_pipes_and_devices_as_sources_are_refused(hostile_run):
    rows = dict(query(hostile_run["db"], """select name, last_outcome from feeds
                                            where name in ('named-pipe', 'device')"""))
    assert rows == {"named-pipe": "refused", "device": "refused"}
