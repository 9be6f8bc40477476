"""Stories: the largest and the newest (analytics.stories), with their outlets, and stories per day
(analytics.stories_per_day)."""

from __future__ import annotations

from datetime import datetime, timedelta

import altair as alt
import polars as pl
import streamlit as st

from dashboard.data import Reader, Status
from dashboard.ui import day_axis, table

WINDOWS = {"last 7 days": 7, "last 30 days": 30, "last 90 days": 90, "all time": None}
SHOWN = 25
DEFAULT = "last 7 days"


def window_start(reader: Reader, window: str) -> datetime | None:
    last_day = reader.frame("day_bounds")["last_day"][0]
    days = WINDOWS[window]
    return datetime.combine(last_day - timedelta(days=days - 1), datetime.min.time()) if days else None


def prewarm(reader: Reader, status: Status) -> None:
    since = window_start(reader, DEFAULT)
    reader.frame("stories", since=since)
    reader.frame("stories_per_day", since=since.date() if since else None)


def render(reader: Reader, status: Status) -> None:
    st.title("Stories")
    st.caption("A story is the articles about one event across outlets; its title is its first article's.")
    window = st.segmented_control("stories that ran in the", list(WINDOWS), default=DEFAULT,
                                  key="window") or DEFAULT
    since = window_start(reader, window)
    stories = reader.frame("stories", since=since)
    if stories.is_empty():
        st.info("No stories in this window.")
        return
    stories = stories.with_columns(pl.col("outlet_names").list.join(", ").alias("outlet_names"))
    a, b, c = st.columns(3)
    a.metric("stories", f"{stories.height:,}")
    b.metric("carried by more than one outlet", f"{stories.filter(pl.col('outlets') > 1).height:,}")
    c.metric("articles in them", f"{stories['articles'].sum():,}")

    per_day = reader.frame("stories_per_day", since=since.date() if since else None)
    if not per_day.is_empty():
        per_day = (per_day.select("day", multi=pl.col("multi_outlet_stories"),
                                  single=pl.col("stories") - pl.col("multi_outlet_stories"))
                   .unpivot(index="day", on=["multi", "single"], variable_name="kind", value_name="count")
                   .with_columns(pl.col("kind").replace({"multi": "in 2+ outlets",
                                                         "single": "in one outlet"})))
        st.altair_chart(alt.Chart(per_day).mark_bar()
                        .encode(x=day_axis(), y=alt.Y("count:Q", stack="zero", title="stories"),
                                color=alt.Color("kind:N", legend=alt.Legend(orient="bottom", title=None)),
                                tooltip=["day:T", "kind:N", "count:Q"])
                        .properties(height=200), width="stretch")

    columns = ["title", "articles", "outlets", "copies", "first_published_at", "last_published_at",
               "outlet_names"]
    config = {"title": st.column_config.TextColumn("title", width="large"),
              "outlet_names": st.column_config.TextColumn("outlets carrying it", width="large")}
    st.subheader("Largest")
    table(stories.sort(["articles", "outlets", "first_published_at"], descending=True).head(SHOWN)
          .select(columns), column_config=config, key="largest")
    st.subheader("Newest")
    table(stories.sort("first_published_at", descending=True).head(SHOWN).select(columns),
          column_config=config, key="newest")
