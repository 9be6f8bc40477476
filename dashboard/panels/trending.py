"""Trending entities: the last 7 days (up to the newest article) against the 7 before
(analytics.trending_entities)."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboard.data import Reader, Status, md_escape
from dashboard.ui import ENTITY_TYPES, open_entity

LIMIT = 100_000  # entities fetched (all types: a type is picked here, so one query serves every choice)
SHOWN = 50


def trending(reader: Reader) -> pl.DataFrame:
    return reader.frame("trending", limit=LIMIT)


def prewarm(reader: Reader, status: Status) -> None:
    trending(reader)


def render(reader: Reader, status: Status) -> None:
    st.title("Trending entities")
    st.caption("Entities by how many more articles mentioned them in the last 7 days (up to the newest "
               "article) than in the 7 days before.")
    kind = st.pills("type", ["all", *ENTITY_TYPES], default="all", key="type") or "all"
    rows = trending(reader)
    if kind != "all":
        rows = rows.filter(pl.col("entity_type") == kind)
    if rows.is_empty():
        st.info("No entity was mentioned in the last 7 days.")
        return
    lead = rows.row(0, named=True)
    a, b, c = st.columns(3)
    a.metric("rising fastest", md_escape(lead["entity"]), delta=f"+{lead['change']} articles")
    more = "+" if rows.height == LIMIT else ""
    b.metric("entities mentioned this week", f"{rows.height:,}{more}")
    c.metric("newcomers", f"{rows.filter(pl.col('previous_week') == 0).height:,}{more}",
             help="mentioned this week, not the week before")

    long = (rows.head(15).unpivot(index=["entity"], on=["this_week", "previous_week"], variable_name="week",
                                  value_name="articles")
            .with_columns(pl.col("week").replace({"this_week": "this week", "previous_week": "week before"})))
    order = rows.head(15)["entity"].to_list()
    chart = (alt.Chart(long).mark_bar()
             .encode(y=alt.Y("entity:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
                     x=alt.X("articles:Q", title="articles"),
                     yOffset=alt.YOffset("week:N", sort=["this week", "week before"]),
                     color=alt.Color("week:N", sort=["this week", "week before"],
                                     legend=alt.Legend(orient="bottom", title=None)),
                     tooltip=["entity:N", "week:N", "articles:Q"])
             .properties(height=max(260, 34 * len(order))))
    st.altair_chart(chart, width="stretch")

    st.subheader("This week against the week before")
    st.caption("Select a row to open the entity.")
    rows = rows.head(SHOWN)
    picked = st.dataframe(rows.drop("entity_id"), hide_index=True, on_select="rerun",
                          selection_mode="single-row", key="trending_table",
                          height=min(38 + 35 * rows.height, 600))
    selected = picked.selection.rows if picked else []
    if selected:
        open_entity(rows["entity_id"][selected[0]])
