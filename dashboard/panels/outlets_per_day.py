"""Articles per day per outlet (analytics.articles_per_outlet_per_day), stacked."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboard.data import Reader, Status
from dashboard.ui import date_window, day_axis, read_dates, table

TOP_OUTLETS = 12
OTHERS = "(other outlets)"


def default_days(reader: Reader) -> tuple[dict, tuple]:
    bounds = reader.frame("day_bounds").row(0, named=True)
    default = date_window(bounds["last_day"], 30)
    return bounds, (max(default[0], bounds["first_day"]), default[1])


def prewarm(reader: Reader, status: Status) -> None:
    """Run the queries of the page as it first opens (dashboard.data.start_prewarm)."""
    _, (since, until) = default_days(reader)
    reader.frame("outlet_days", since=since, until=until)


def render(reader: Reader, status: Status) -> None:
    st.title("Articles per day")
    bounds, default = default_days(reader)
    left, right = st.columns([2, 1])
    with left:
        since, until = read_dates(st.date_input("days", value=default, min_value=bounds["first_day"],
                                                max_value=bounds["last_day"], key="days",
                                                help="each article counts on the publisher's own calendar "
                                                     "day (its UTC day where the page states no zone)"),
                                  default)
    with right:
        measure = st.segmented_control("count", ["articles", "originals", "stories"], default="articles",
                                       key="measure",
                                       help="originals leave out syndicated and near-duplicate copies; "
                                            "stories count each event once per outlet") or "articles"
    days = reader.frame("outlet_days", since=since, until=until)
    if days.is_empty():
        st.info("No articles in these days.")
        return

    totals = (days.group_by("outlet").agg(pl.col("articles").sum(), pl.col("originals").sum(),
                                          pl.col("stories").sum(), pl.col("words").sum())
              .sort(["articles", "outlet"], descending=[True, False]))
    a, b, c, d = st.columns(4)
    a.metric("articles", f"{totals['articles'].sum():,}")
    b.metric("outlets", f"{totals.height:,}")
    c.metric("days", f"{(until - since).days + 1:,}")
    d.metric("originals", f"{totals['originals'].sum():,}", help="articles that are not copies")

    top = totals.head(TOP_OUTLETS)["outlet"]
    series = (days.with_columns(pl.when(pl.col("outlet").is_in(top.implode())).then(pl.col("outlet"))
                                .otherwise(pl.lit(OTHERS)).alias("outlet"))
              .group_by("day", "outlet").agg(pl.col(measure).sum()).sort("day", "outlet"))
    order = [*top.to_list(), OTHERS] if totals.height > TOP_OUTLETS else top.to_list()
    chart = (alt.Chart(series).mark_bar()
             .encode(x=day_axis(),
                     y=alt.Y(f"{measure}:Q", stack="zero", title=f"{measure} per day"),
                     color=alt.Color("outlet:N", sort=order,
                                     legend=alt.Legend(title="outlet", orient="bottom", columns=4,
                                                       labelLimit=220)),
                     order=alt.Order("outlet:N"),
                     tooltip=["day:T", "outlet:N", f"{measure}:Q"])
             .properties(height=380))
    st.altair_chart(chart, width="stretch")

    st.subheader("Outlets in these days")
    table(totals.rename({"outlet": "outlet"}), height=min(38 + 35 * totals.height, 420))
