"""The newsetl dashboard: `newsetl dashboard` (or `streamlit run dashboard/app.py`), read-only over the
published warehouse (NEWSETL_WAREHOUSE_PATH, default warehouse/news.duckdb).

Every page render opens the warehouse read-only at its first query and closes it at the end (the file is
replaced atomically after each ingest run: a connection kept open would pin an old snapshot). A missing or
empty warehouse gets a message saying how to build it, not a traceback.
"""

from __future__ import annotations

import os
import time

import duckdb
import streamlit as st

from dashboard import data
from dashboard.panels import (
    articles,
    entity,
    feed_health,
    headline_changes,
    outlets_per_day,
    stories,
    story,
    trending,
)
from dashboard.ui import PAGES, Footer

STARTED = time.perf_counter()
st.set_page_config(page_title="newsetl", page_icon=":material/newspaper:", layout="wide")

reader = data.Reader()
if os.environ.get("NEWSETL_DASHBOARD_PREWARM", "1") != "0":
    from dashboard.prewarm import prewarm

    data.on_new_snapshot(prewarm)
    data.watch(reader.path)


def _page(module, title: str, url_path: str, icon: str, default: bool = False,
          visibility: str = "visible") -> st.Page:
    def run() -> None:
        footer = Footer(reader, STARTED)
        module.render(reader, status)
        footer.show()

    run.__name__ = f"page_{url_path.replace('-', '_')}"
    return st.Page(run, title=title, url_path=url_path, icon=icon, default=default, visibility=visibility)


# Streamlit serves the default page at "/" only: its url_path answers "Page not found". So the root is a
# page of its own (hidden from the menu) showing articles per day, and "/articles-per-day" is a real page.
NAVIGATION = [
    _page(outlets_per_day, "Articles per day", "home", ":material/stacked_bar_chart:", True, "hidden"),
    _page(outlets_per_day, "Articles per day", "articles-per-day", ":material/stacked_bar_chart:"),
    _page(trending, "Trending entities", "trending", ":material/trending_up:"),
    _page(entity, "Entity", "entity", ":material/person_search:"),
    _page(stories, "Stories", "stories", ":material/view_agenda:"),
    _page(story, "Story", "story", ":material/article:"),
    _page(headline_changes, "Headline changes", "headline-changes", ":material/edit_note:"),
    _page(articles, "Latest articles", "articles", ":material/search:"),
    _page(feed_health, "Feed health", "feed-health", ":material/monitor_heart:"),
]

PAGES.update((page.url_path, page) for page in NAVIGATION)
current = st.navigation(NAVIGATION)
try:
    status = reader.status()
    st.sidebar.caption(f"warehouse: {data.md_escape(reader.path)}")
    if not status.ok:
        st.title(current.title)
        st.info(status.message)
        st.stop()
    st.sidebar.caption(f"{status.articles:,} articles · snapshot of "
                       f"{data.snapshot_time(reader.path)}"
                       + ("" if status.search_index else " · no full-text index (substring search)"))
    current.run()
except data.WarehouseUnavailable as exc:
    st.info(str(exc))
except duckdb.Error as exc:
    st.error("The warehouse could not be read (is it from an older or newer newsetl?). The error was:")
    st.code(str(exc), language=None)
except Exception as exc:  # noqa: BLE001 - a page's bug is reported on the page, not as a traceback
    st.error("This page failed. The error was:")
    st.code(f"{type(exc).__name__}: {exc}", language=None)
finally:
    reader.close()
