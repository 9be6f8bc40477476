"""Small shared pieces of the pages: safe display of web text, tables, the render-time footer."""

from __future__ import annotations

import time
from datetime import date, timedelta

import altair as alt
import polars as pl
import streamlit as st

from dashboard.data import Reader, md_escape, safe_links

ENTITY_TYPES = ("person", "organisation", "place", "group", "event", "product")
PAGES: dict[str, st.Page] = {}  # url path -> page, filled by app.py (for links between pages)


def open_entity(entity_id: str) -> None:
    """Go to the entity page for this entity (its id in the URL: ?entity=...)."""
    st.switch_page(PAGES["entity"], query_params={"entity": entity_id})


def table(frame: pl.DataFrame, *, links: tuple[str, ...] = (), height: int | str = "auto",
          column_config: dict | None = None, key: str | None = None) -> None:
    """A data table (st.dataframe: drawn on a canvas, so nothing in a cell is read as HTML or markdown).
    URL columns become links only for http(s) URLs."""
    frame = safe_links(frame, *links)
    config = {c: st.column_config.LinkColumn(c) for c in links if c in frame.columns}
    config.update(column_config or {})
    st.dataframe(frame, hide_index=True, column_config=config, height=height, key=key)


def text_table(frame: pl.DataFrame, columns: list[str] | None = None) -> None:
    """A static HTML table of short rows (st.table renders markdown in cells: every cell is escaped, so web
    text shows literally). Used where the names must be in the page's text, e.g. for screen readers."""
    columns = columns or frame.columns
    escaped = frame.select(
        pl.col(c).map_elements(lambda v: md_escape(v) if v is not None else "", return_dtype=pl.String)
        if frame.schema[c] == pl.String else pl.col(c)
        for c in columns)
    st.table(escaped.to_pandas(), hide_index=True)


def day_axis() -> alt.X:
    """The x axis of a chart per UTC day."""
    return alt.X("yearmonthdate(day):T", title=None, axis=alt.Axis(format="%b %d"))


def date_window(last_day: date, days: int) -> tuple[date, date]:
    return last_day - timedelta(days=days - 1), last_day


def read_dates(value, default: tuple[date, date]) -> tuple[date, date]:
    """st.date_input gives a tuple of one or two dates while the user is picking a range."""
    if isinstance(value, tuple | list):
        if len(value) == 2:
            return value[0], value[1]
        if len(value) == 1:
            return value[0], value[0]
        return default
    if isinstance(value, date):
        return value, value
    return default


class Footer:
    """'rendered in N ms': the page's time from start to its last element, and the queries behind it. The
    tests and the benchmark wait for this line: it is the last element of every page."""

    def __init__(self, reader: Reader, started: float | None = None) -> None:
        self.reader = reader
        self.started = started if started is not None else time.perf_counter()

    def show(self) -> None:
        total = (time.perf_counter() - self.started) * 1000
        st.caption(f"rendered in {total:.0f} ms ({self.reader.queries} queries run, "
                   f"{self.reader.seconds * 1000:.0f} ms in DuckDB; cached results reused)")
