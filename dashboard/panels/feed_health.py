"""Feed health (analytics.feed_health): errors, freshness, and the last runs (analytics.run_history)."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import streamlit as st

from dashboard.data import Reader, Status, md_escape, stamp
from dashboard.ui import table

STALE_AFTER = timedelta(hours=24)


def prewarm(reader: Reader, status: Status) -> None:
    reader.frame("feed_health")
    reader.frame("runs", limit=20)


def render(reader: Reader, status: Status) -> None:
    st.title("Feed health")
    feeds = reader.frame("feed_health")
    runs = reader.frame("runs", limit=20)
    last = runs.row(0, named=True) if not runs.is_empty() else None
    reference = last["started_at"] if last else None
    if reference is not None:
        feeds = feeds.with_columns(
            stale=pl.col("last_success_at").is_null() | (pl.col("last_success_at") < reference - STALE_AFTER))
    else:
        feeds = feeds.with_columns(stale=pl.lit(True))
    failing = feeds.filter(pl.col("error_streak") > 0)

    a, b, c, d = st.columns(4)
    a.metric("feeds", f"{feeds.height:,}")
    b.metric("failing", f"{failing.height:,}", help="the last fetch failed (error streak > 0)")
    c.metric("stale", f"{feeds['stale'].sum():,}",
             help="no successful fetch in the 24 hours before the last run")
    d.metric("last run", md_escape(last["status"]) if last else "none",
             help=stamp(reference) if last else None)
    if last:
        st.caption(f"last run started {stamp(last['started_at'])}, took "
                   f"{last['duration_s'] or 0:.1f} s: {last['articles_new'] or 0:,} new articles, "
                   f"{last['sources_failed'] or 0} of {last['sources_total'] or 0} sources failed, "
                   f"{last['checks_failed'] or 0} data-quality checks failed")
        if last["error"]:
            st.error("The last run failed:")
            st.code(last["error"], language=None)

    if not failing.is_empty():
        st.subheader("Failing feeds")
        for row in failing.head(10).iter_rows(named=True):
            st.warning(f"{md_escape(row['name'])}: {md_escape(row['last_outcome'])} "
                       f"(HTTP {row['last_status_code'] or '-'}), {row['error_streak']} in a row; "
                       f"last success {stamp(row['last_success_at'])}")
    st.subheader("Every feed")
    table(feeds.select("name", "outlet", "kind", "schedule_group", "last_outcome", "last_status_code",
                       "error_streak", "stale", "last_success_at", "last_fetched_at", "items_last_run",
                       pl.col("median_latency_ms").round(1), "last_error", "url"),
          links=("url",))
    st.subheader("Runs")
    table(runs.drop("run_id"), key="runs")
