"""One story: its articles across outlets, oldest first, and which of them are copies of another article
(analytics.story_articles). The story is in the URL (?story=<story id>); the newest story by default."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.data import Reader, Status, md_escape, stamp
from dashboard.ui import table


def prewarm(reader: Reader, status: Status) -> None:
    stories = reader.frame("stories_list")
    if not stories.is_empty():
        reader.frame("story_articles", story_id=stories["story_id"][0])


def render(reader: Reader, status: Status) -> None:
    st.title("Story")
    stories = reader.frame("stories_list")
    if stories.is_empty():
        st.info("No stories yet.")
        return
    current = st.query_params.get("story")
    ids = stories["story_id"].to_list()
    labels = dict(
        zip(
            stories["story_id"],
            stories.select(
                pl.format("{} ({} articles, {} outlets, {} copies)", "title", "articles", "outlets", "copies")
            ).to_series(),
            strict=True,
        )
    )
    picked = st.selectbox(
        "story (newest first)",
        ids,
        index=ids.index(current) if current in ids else 0,
        format_func=labels.get,
        key=f"story_pick_{current}",
    )
    if picked != current:
        st.query_params["story"] = picked

    story = stories.row(ids.index(picked), named=True)
    articles = reader.frame("story_articles", story_id=picked)
    st.header(md_escape(story["title"]), anchor=False)
    st.caption(f"first published {stamp(story['first_published_at'])} · story id {md_escape(picked)}")
    cols = st.columns(3)
    cols[0].metric("articles", f"{articles.height:,}")
    cols[1].metric("outlets", f"{articles['outlet'].n_unique():,}")
    cols[2].metric("copies", f"{articles['is_copy'].sum():,}")

    st.subheader("Articles")
    st.caption(
        "Oldest first. A copy carries another article's text (syndication): the original's outlet "
        "and headline, and how alike the two texts are (1.0: the same)."
    )
    config = {
        "title": st.column_config.TextColumn("title", width="large"),
        "published_at": st.column_config.DatetimeColumn("published (UTC)"),
        "is_copy": st.column_config.CheckboxColumn("copy"),
        "original_outlet": st.column_config.TextColumn("copy of (outlet)"),
        "original_title": st.column_config.TextColumn("copy of (headline)", width="large"),
        "similarity": st.column_config.NumberColumn("similarity", format="%.2f"),
    }
    table(articles.drop("article_id", "duplicate_of"), links=("url",), column_config=config)
