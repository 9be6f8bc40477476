"""Headline changes: every edit of an article's headline, the title before and after, newest first
(analytics.headline_changes), optionally of one outlet."""

from __future__ import annotations

import streamlit as st

from dashboard.data import Reader, Status
from dashboard.ui import table

SHOWN = 500


def prewarm(reader: Reader, status: Status) -> None:
    reader.frame("headline_changes", outlet=None, limit=SHOWN)


def render(reader: Reader, status: Status) -> None:
    st.title("Headline changes")
    st.caption("An article's headline as it was and as it became, when the new one was first fetched (UTC).")
    outlets = reader.frame("outlets")["outlet"].to_list()
    outlet = st.selectbox(
        "outlet",
        [None, *outlets],
        format_func=lambda o: "all outlets" if o is None else o,
        key="headline_outlet",
    )
    changes = reader.frame("headline_changes", outlet=outlet, limit=SHOWN)
    st.metric(
        "headline changes", f"{changes.height:,}" + (" (the newest shown)" if changes.height == SHOWN else "")
    )
    if changes.is_empty():
        st.info(
            "No headline has changed yet: a change is seen when a later run fetches an article again "
            "with another title."
        )
        return
    config = {
        "changed_at": st.column_config.DatetimeColumn("changed (UTC)"),
        "previous_title": st.column_config.TextColumn("before", width="large"),
        "title": st.column_config.TextColumn("after", width="large"),
    }
    table(changes.drop("article_id"), links=("canonical_url",), column_config=config)
