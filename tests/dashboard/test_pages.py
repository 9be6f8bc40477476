"""The dashboard as a user sees it: `newsetl dashboard` started on 127.0.0.1 (a free port) against the sample
warehouse, each page opened in headless Chromium (Debian's package, driven over the DevTools protocol), the
rendered page checked for the numbers and names the views hold, and a screenshot saved per page
(into a temporary folder removed when the module's tests end, so a test run never edits the checkout nor
leaves files behind; `make screenshots` sets NEWSETL_SCREENSHOTS=docs/screenshots to refresh the
README's). Then a snapshot with hostile web text is published over the served file: it is shown at once,
as inert text.

Nothing leaves 127.0.0.1: the browser resolves no other host name."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

import store
from dashboard.headless import Chromium, environment, find_chromium, free_port, wait_for_http
from newsetl.serve import stop_process_group
from tests.conftest import ROOT

KEEP_SCREENSHOTS = bool(os.environ.get("NEWSETL_SCREENSHOTS"))
# made by the first screenshot (a worker that runs none of these tests makes none), one per process
SCREENSHOTS = Path(os.environ.get("NEWSETL_SCREENSHOTS")
                   or Path(tempfile.gettempdir()) / f"newsetl-screenshots-{os.getpid()}")

if not find_chromium():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs it (apt-get install -y chromium)")
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

CELLS = "[...document.querySelectorAll('[role=gridcell]')].map(c => c.textContent)"
# Every table of the page has its cells: the grid's cells come after the page's render (on a loaded machine a
# test read the cells of a rendered page while a table had none yet: "47 articles, newest first" shown, no
# title among the cells).
TABLES_FILLED = ("[...document.querySelectorAll('[data-testid=stDataFrame]')]"
                 ".every(t => t.querySelector('[role=gridcell]') !== null)")
MAIN_TEXT = "(document.querySelector('[data-testid=stMain]') || document.body).innerText"
PWNED = """({pwned: window.__pwned === undefined ? null : window.__pwned,
             marked: document.body.dataset.pwned === undefined ? null : document.body.dataset.pwned,
             images: document.querySelectorAll('img[src="x"]').length,
             scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned'))
                      .length,
             jsLinks: document.querySelectorAll('a[href^="javascript"]').length,
             bold: [...document.querySelectorAll('strong, b')].filter(s => /Evil/.test(s.textContent))
                   .length})"""


def query(path: Path, sql: str, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def served(sample_warehouse, tmp_path_factory):
    """`python -m newsetl.dashboard_cli --warehouse COPY --port FREE` (the `newsetl dashboard` command)."""
    path = tmp_path_factory.mktemp("served") / "news.duckdb"
    shutil.copyfile(sample_warehouse, path)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsetl.dashboard_cli", "--warehouse", str(path),
                                "--port", str(port)], cwd=ROOT, env=environment(path),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/_stcore/health", timeout=60, process=process)
        yield base, path
    finally:
        stop_process_group(process)


@pytest.fixture(scope="module")
def browser():
    with Chromium(width=1400, height=1000) as chromium:
        yield chromium


@pytest.fixture(scope="module", autouse=True)
def screenshots_removed():
    """The temporary screenshot folder goes with the module's tests (NEWSETL_SCREENSHOTS's stays)."""
    yield
    if not KEEP_SCREENSHOTS:
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)


def show(browser: Chromium, url: str, name: str | None = None,
         expect: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """Open a page, wait for Streamlit to render it (and, on a loaded machine, for the `expect`ed texts:
    a first page load can run its script twice, the URL's filters written back, and a still DOM between
    the two runs is not the final page), save its screenshot; (visible text, table cells)."""
    browser.open(url, quiet=1.0)
    for wanted in expect:
        browser.wait_for(f"({MAIN_TEXT}).includes({json.dumps(wanted)})", timeout=30)
    with contextlib.suppress(TimeoutError):  # a table with no row has no cell: the assertions say what lacks
        browser.wait_for(TABLES_FILLED, timeout=30)
    text, cells = browser.evaluate(MAIN_TEXT), browser.evaluate(CELLS)
    assert "This page failed" not in text and "Traceback" not in text, text
    assert "rendered in" in text, text
    if name:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.screenshot(SCREENSHOTS / f"{name}.png")
    return text, cells


def test_articles_per_day(served, browser):
    base, path = served
    per_outlet = dict(query(path, "select outlet, sum(articles)::int "
                                  "from analytics.articles_per_outlet_per_day group by outlet"))
    text, cells = show(browser, f"{base}/articles-per-day", "articles-per-day",
                       expect=(f"articles\n\n{sum(per_outlet.values())}", "Harbour Times"))
    assert per_outlet["The Independent"] == 18 and per_outlet["Harbour Times"] == 14
    assert f"articles\n\n{sum(per_outlet.values())}" in text       # the metric: all 47 (10 days)
    assert f"outlets\n\n{len(per_outlet)}" in text
    for outlet, articles in per_outlet.items():
        assert outlet in text                                       # the chart's legend
        row = cells.index(outlet)                                   # the table: outlet, articles, ...
        assert cells[row + 1] == str(articles)


def test_trending_entities(served, browser):
    base, path = served
    text, cells = show(browser, f"{base}/trending", "trending", expect=("rising fastest",))
    top = query(path, "select entity, this_week, previous_week from analytics.trending_entities limit 10")
    assert f"rising fastest\n\n{top[0][0]}" in text
    names = [name for name, _, _ in top]
    assert "Vladimir Putin" in names
    for name, this_week, previous_week in top:
        assert name in text                                         # the chart's axis
        row = cells.index(name)                                     # entity, type, this week, before, ...
        assert cells[row + 2:row + 4] == [str(this_week), str(previous_week)]


def test_entity_page(served, browser):
    base, path = served
    (entity_id, articles, outlets, mentions), = query(
        path, "select entity_id, articles, outlets, mentions from analytics.entity_summary "
              "where entity = 'Vladimir Putin'")
    text, cells = show(browser, f"{base}/entity?entity={entity_id}", "entity")
    assert "Vladimir Putin\n" in text and "also written as: Putin" in text
    assert f"articles\n\n{articles}" in text and f"outlets\n\n{outlets}" in text
    assert f"mentions\n\n{mentions}" in text
    for outlet, count in query(path, """select outlet, count(*) from analytics.latest_articles
            where article_id in (select article_id from article_entities where entity_id = ?)
            group by outlet""", [entity_id]):
        assert cells[cells.index(outlet) + 1] == str(count)
    co = query(path, """select entity_b, articles from analytics.entity_cooccurrence where entity_id_a = ?
                        union all select entity_a, articles from analytics.entity_cooccurrence
                        where entity_id_b = ? order by 2 desc, 1 limit 3""", [entity_id, entity_id])
    for name, _ in co:
        assert name in cells
    titles = [t for t, in query(path, """select title from analytics.latest_articles where article_id in
            (select article_id from article_entities where entity_id = ?)""", [entity_id])]
    assert len(titles) == articles and all(title in cells for title in titles)


def test_typing_a_name_opens_that_entity(served, browser):
    """From one entity's page, a name typed into "find an entity" and Enter open the closest match, and the
    URL follows."""
    base, path = served
    (putin,), = query(path, "select entity_id from entities where canonical_name = 'Vladimir Putin'")
    show(browser, f"{base}/entity?entity={putin}", expect=("Vladimir Putin",))
    # the sample spells him both ways; the entity is named as the oldest article spells him
    (lavrov, name), = query(path, "select entity_id, canonical_name from entities where canonical_name "
                                  "in ('Sergey Lavrov', 'Sergei Lavrov')")
    browser.enter_text("find an entity", name)
    browser.wait_for(f"({MAIN_TEXT}).includes('{name}\\n')", timeout=30)
    text = browser.evaluate(MAIN_TEXT)
    (articles,), = query(path, f"select articles from analytics.entity_summary where entity = '{name}'")
    assert f"articles\n\n{articles}" in text and "Vladimir Putin\n" not in text
    assert browser.evaluate("location.search") == f"?entity={lavrov}"


def test_stories(served, browser):
    base, path = served
    text, cells = show(browser, f"{base}/stories", "stories")
    (title, articles, outlets, names), = query(path, """select title, articles, outlets, outlet_names
        from analytics.stories order by articles desc limit 1""")
    assert articles == 8 and outlets == 5 and title.startswith("Lavrov arrives in Vienna")
    row = cells.index(title)                                        # title, articles, outlets, copies, ...
    assert cells[row + 1:row + 3] == [str(articles), str(outlets)]
    assert ", ".join(names) in cells                                # the outlets carrying it
    (window,), = query(path, """select count(*) from analytics.stories where last_published_at >=
        (select max(day) from analytics.articles_per_outlet_per_day) - interval 6 day""")
    assert f"stories\n\n{window}" in text


def test_latest_articles_search_and_filters(served, browser):
    base, path = served
    text, cells = show(browser, f"{base}/articles", "articles")
    assert "47 articles, newest first" in text
    newest = query(path, "select title, outlet from analytics.latest_articles limit 5")
    assert all(title in cells for title, _ in newest)
    # full-text search (BM25: the flow builds the index), one outlet
    text, cells = show(browser, f"{base}/articles?q=Lavrov&outlet=Harbour+Times", "articles-search")
    assert "best match first" in text
    outlet_rows = [c for c in cells if c in ("Harbour Times", "The Independent", "Northern Courier")]
    assert outlet_rows and set(outlet_rows) == {"Harbour Times"}
    # the entity filter: only the articles that mention Vladimir Putin
    text, cells = show(browser, f"{base}/articles?entity=Putin")
    (count,), = query(path, """select count(*) from article_entities join entities using (entity_id)
                               where canonical_name = 'Vladimir Putin'""")
    assert f"{count} articles, newest first" in text and "mentioning Vladimir Putin" in text


def test_feed_health(served, browser):
    base, path = served
    text, cells = show(browser, f"{base}/feed-health", "feed-health")
    feeds = query(path, "select name, last_outcome, error_streak from analytics.feed_health")
    assert f"feeds\n\n{len(feeds)}" in text and "failing\n\n0" in text
    assert "last run\n\ncompleted" in text and "47 new articles" in text
    for name, outcome, streak in feeds:
        row = cells.index(name)
        assert outcome in cells[row:row + 6] and str(streak) in cells[row:row + 8]


# Every page the menu must offer (its URL path); "/" is the default page, articles per day.
PAGE_PATHS = ("articles-per-day", "trending", "entity", "stories", "story", "headline-changes", "articles",
              "feed-health")
NAV_LINKS = """[...document.querySelectorAll('[data-testid=stSidebarNav] a')]
               .map(a => new URL(a.href).pathname.replace(/^\\//, ''))"""
# Streamlit's error dialogs ("Page not found", ...) and exception boxes, with their text
ERRORS = """[...document.querySelectorAll('[role=dialog], [role=alertdialog], [data-testid=stException]')]
            .map(e => e.innerText)"""


def test_every_page_opens_without_an_error_dialog(served, browser):
    """"/" and every page of the menu, opened by its URL as a bookmark or the README would: no "Page not
    found" dialog (Streamlit serves the default page at "/" only), no exception."""
    base, _ = served
    show(browser, f"{base}/", expect=("Articles per day",))
    assert browser.evaluate(ERRORS) == []
    menu = browser.evaluate(NAV_LINKS)
    for path in PAGE_PATHS:
        text, _ = show(browser, f"{base}/{path}")
        assert browser.evaluate(ERRORS) == [], path
        assert "Page not found" not in browser.evaluate("document.body.innerText"), path
    assert sorted(menu) == sorted(PAGE_PATHS), menu                 # each page has its own URL


def test_story_page_lists_its_articles_and_copies(served, browser):
    base, path = served
    (story_id, title, articles, copies), = query(path, """select story_id, title, articles, copies
        from analytics.stories order by articles desc, story_id limit 1""")
    rows = query(path, """select outlet, title, is_copy, original_outlet from analytics.story_articles
                          where story_id = ? order by published_at""", [story_id])
    assert len(rows) == articles == 8 and sum(is_copy for _, _, is_copy, _ in rows) == copies
    text, cells = show(browser, f"{base}/story?story={story_id}", "story", expect=(title,))
    assert f"{title}\n" in text                                    # the header: the story's first headline
    assert f"articles\n\n{articles}" in text and f"copies\n\n{copies}" in text
    for outlet, article_title, _, original_outlet in rows:
        assert outlet in cells and article_title in cells
        if original_outlet:
            assert original_outlet in cells
    assert browser.evaluate("location.search") == f"?story={story_id}"
    # no story in the URL: the newest story
    (newest,), = query(path, "select title from analytics.stories order by first_published_at desc, story_id "
                             "limit 1")
    text, _ = show(browser, f"{base}/story", expect=(newest,))
    assert f"{newest}\n" in text


def test_story_articles_view_pairs_copies_with_their_original(sample_warehouse):
    rows = query(sample_warehouse, """select c.article_id, c.duplicate_of, c.original_outlet, c.similarity,
            o.outlet, o.story_id = c.story_id
        from analytics.story_articles c join analytics.story_articles o on o.article_id = c.duplicate_of
        where c.is_copy""")
    (copies,), = query(sample_warehouse, "select count(*) from articles where duplicate_of is not null "
                                         "and story_id is not null")
    assert rows and len(rows) == copies
    for _, _, original_outlet, similarity, outlet, same_story in rows:
        assert original_outlet == outlet and 0 < similarity <= 1 and same_story


def test_headline_changes_page_with_none_yet(served, browser):
    base, path = served
    (changes,), = query(path, "select count(*) from analytics.headline_changes")
    text, _ = show(browser, f"{base}/headline-changes", "headline-changes")
    assert f"headline changes\n\n{changes}" in text
    if changes == 0:
        assert "No headline has changed yet" in text


HOSTILE_TITLE = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;'
                 'document.body.dataset.pwned=1"> **Evil** [click](javascript:window.__pwned=3)')
HOSTILE_ENTITY = '<img src=x onerror="window.__pwned=4">**Evil** [here](javascript:window.__pwned=5) :red[x]'
HOSTILE_OUTLET = '<b>Evil</b> Outlet <script>window.__pwned=6</script>'


def publish_hostile_snapshot(path: Path) -> None:
    """Publish, over the served file, a snapshot with one more article whose title, outlet, URL and entity
    are hostile (as the writer publishes: a copy renamed over the file)."""
    scratch = path.with_name("hostile.duckdb")
    shutil.copyfile(path, scratch)
    with duckdb.connect(str(scratch)) as con:
        (newest,), = con.execute("select max(published_at) from articles").fetchall()
        at = newest + timedelta(hours=1)
        con.execute("insert into sources (source_id, name, outlet_key, first_seen_at) values (?, ?, ?, ?)",
                    ["evil-source", HOSTILE_OUTLET, "evil", at])
        con.execute("""insert into articles (article_id, canonical_url, url, source_id, title, summary, body,
                language, published_at, published_source, first_seen_at, fetched_at, word_count, content_hash,
                content_source, story_id)
            values ('evil-article', 'javascript:window.__pwned=7', 'javascript:window.__pwned=7',
                    'evil-source', $t, $t, $t, 'en', $at, 'feed', $at, $at, 12, 'evil', 'feed',
                    'evil-article')""",
                    {"t": HOSTILE_TITLE, "at": at})
        # a headline edited into the hostile title (a later version of the first sample article)
        (first,), = con.execute("select article_id from articles order by published_at, article_id "
                                "limit 1").fetchall()
        con.execute("insert into article_versions values (?, 'evil-version', ?, 'x', ?)",
                    [first, HOSTILE_TITLE, at])
        con.execute("insert into entities values ('evil-entity', ?, 'person', ?)", [HOSTILE_ENTITY, at])
        con.execute("insert into entity_aliases values ('evil-entity', ?, ?)", [HOSTILE_ENTITY, at])
        # eleven more articles naming the hostile entity: the week's most trending entity
        con.execute("""insert into articles (article_id, canonical_url, source_id, title, language,
                published_at, published_source, first_seen_at, fetched_at, word_count, content_hash,
                content_source)
            select 'evil-' || i, 'https://evil.example/' || i, 'evil-source', 'More news ' || i, 'en',
                   $at - interval (i) minute, 'feed', $at, $at, 3, 'evil' || i, 'feed'
            from range(1, 12) t(i)""", {"at": at})
        con.execute("""insert into article_entities
            select article_id, 'evil-entity', 3, 0, true, 0.9, [?] from articles
            where source_id = 'evil-source'""", [HOSTILE_ENTITY])
        con.execute("""insert into article_entities values ('evil-article',
            (select entity_id from entities where canonical_name = 'Vladimir Putin'),
            1, 5, false, 0.4, ['Putin'])""")
        store.recount_aggregates(con)                           # as the load keeps them
        store.build_search_index(con)                           # as the writer does after a load
    os.replace(scratch, path)


def test_a_new_snapshot_is_shown_and_hostile_text_is_inert(served, browser):
    base, path = served
    publish_hostile_snapshot(path)
    text, cells = show(browser, f"{base}/articles", "hostile-title", expect=("59 articles",))
    assert "59 articles" in text                                    # the new snapshot, no restart
    assert HOSTILE_TITLE in cells and HOSTILE_OUTLET in cells       # shown as text, character for character
    assert browser.evaluate(PWNED) == {"pwned": None, "marked": None, "images": 0, "scripts": 0,
                                       "jsLinks": 0, "bold": 0}
    assert "javascript:window.__pwned=7" not in cells               # not an http(s) link: not shown as one

    text, cells = show(browser, f"{base}/entity?entity=evil-entity", "hostile-entity")
    assert HOSTILE_ENTITY in text                                   # the header: markdown escaped
    assert HOSTILE_TITLE in cells
    assert browser.evaluate(PWNED) == {"pwned": None, "marked": None, "images": 0, "scripts": 0,
                                       "jsLinks": 0, "bold": 0}

    text, cells = show(browser, f"{base}/trending", "hostile-trending", expect=("rising fastest",))
    assert f"rising fastest\n\n{HOSTILE_ENTITY}" in text          # a metric: markdown escaped
    assert HOSTILE_ENTITY in cells
    assert browser.evaluate(PWNED) == {"pwned": None, "marked": None, "images": 0, "scripts": 0,
                                       "jsLinks": 0, "bold": 0}
    text, cells = show(browser, f"{base}/headline-changes", "hostile-headline",
                       expect=("headline changes",))
    assert HOSTILE_TITLE in cells and "headline changes\n\n1" in text
    assert browser.evaluate(PWNED) == {"pwned": None, "marked": None, "images": 0, "scripts": 0,
                                       "jsLinks": 0, "bold": 0}
    text, cells = show(browser, f"{base}/story?story=evil-article", "hostile-story")
    assert HOSTILE_TITLE in cells
    assert f"{HOSTILE_TITLE}\n" in text                          # the header: markdown escaped
    assert browser.evaluate(PWNED) == {"pwned": None, "marked": None, "images": 0, "scripts": 0,
                                       "jsLinks": 0, "bold": 0}
    for page in ("stories", "articles-per-day", "feed-health", ""):
        text, cells = show(browser, f"{base}/{page}")
        assert browser.evaluate(PWNED)["pwned"] is None, page
    text, cells = show(browser, f"{base}/articles?q=Evil")
    assert HOSTILE_TITLE in cells
    assert browser.evaluate(PWNED) == {"pwned": None, "marked": None, "images": 0, "scripts": 0,
                                       "jsLinks": 0, "bold": 0}
