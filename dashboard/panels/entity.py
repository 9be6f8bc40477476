"""One entity: its timeline (analytics.entity_mentions_per_day), the outlets that mention it, the entities
mentioned with it (analytics.entity_cooccurrence) and its latest articles."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboard.data import Reader, Status, like_pattern, md_escape, stamp
from dashboard.panels.trending import trending
from dashboard.ui import day_axis, open_entity, table

MATCHES = 30


def _searched() -> None:
    st.session_state["entity_searched"] = True


def _choices(reader: Reader, current: str | None) -> pl.DataFrame:
    """Entities to pick from: those whose name contains the search text, else this week's trending ones.
    The entity in the URL is among them, except right after a search (a name typed and Enter pressed):
    then the closest match comes first, so the page opens it."""
    text = st.text_input("find an entity", key="entity_search", placeholder="a name, e.g. Putin",
                         on_change=_searched).strip()
    searched = st.session_state.pop("entity_searched", False)
    if text:
        found = reader.frame("entity_find", pattern=like_pattern(text), text=text, limit=MATCHES)
        found = found.with_columns(label=pl.format("{} ({})", "entity", "entity_type"))
        if found.is_empty():
            st.caption("No entity has that in its name.")
    else:
        found = trending(reader).head(MATCHES).select(
            "entity_id", "entity", "entity_type",
            label=pl.format("{} ({}, {} articles this week)", "entity", "entity_type", "this_week"))
        st.caption("Trending this week; type a name to find any entity.")
    if current and current not in found["entity_id"] and not (searched and text and not found.is_empty()):
        one = reader.frame("entity_one", entity_id=current)
        if not one.is_empty():
            one = one.select("entity_id", "entity", "entity_type",
                             label=pl.format("{} ({}, {} articles)", "entity", "entity_type", "articles"))
            found = pl.concat([one, found], how="vertical_relaxed")
    return found


PREWARMED = 10  # entities whose page is computed before anyone asks, from the top of the trending list


def prewarm(reader: Reader, status: Status) -> None:
    """The page as it first opens (this week's most trending entity), and the pages a visitor is most
    likely to open next: the top of the trending list, and this week's most covered entities (the ones with
    the most articles, so the slowest pages: co-mentions pair every article of the entity)."""
    week = trending(reader)
    likely = pl.concat([week.head(PREWARMED), week.sort("this_week", descending=True).head(PREWARMED // 2)])
    for entity_id in likely["entity_id"].unique(maintain_order=True):
        if not reader.current():
            return  # a newer snapshot was published: its own prewarm runs
        details(reader, entity_id)


QUERIES = {  # what the page shows of one entity, in the order it is shown (the slowest last)
    "summary": lambda reader, entity_id: reader.frame("entity_one", entity_id=entity_id),
    "timeline": lambda reader, entity_id: reader.frame("entity_timeline", entity_id=entity_id),
    "outlets": lambda reader, entity_id: reader.frame("entity_outlets", entity_id=entity_id),
    "latest": lambda reader, entity_id: reader.search_articles(None, has_index=False, entity_id=entity_id,
                                                               limit=50)[0],
    "others": lambda reader, entity_id: reader.frame("entity_comentions", entity_id=entity_id, limit=50),
}


def details(reader: Reader, entity_id: str) -> dict[str, pl.DataFrame]:
    """Everything the page shows of one entity."""
    return {name: query(reader, entity_id) for name, query in QUERIES.items()}


def render(reader: Reader, status: Status) -> None:
    st.title("Entity")
    current = st.query_params.get("entity")
    choices = _choices(reader, current)
    if choices.is_empty():
        st.info("No entity to show yet.")
        return
    ids = choices["entity_id"].to_list()
    labels = dict(zip(choices["entity_id"], choices["label"], strict=True))
    picked = st.selectbox("entity", ids, index=ids.index(current) if current in ids else 0,
                          format_func=labels.get, key=f"entity_pick_{current}")
    if picked != current:
        st.query_params["entity"] = picked

    summary = QUERIES["summary"](reader, picked)
    if summary.is_empty():
        st.info("This entity is no longer in the warehouse (merged into another?).")
        return
    e = summary.row(0, named=True)
    st.header(md_escape(e["entity"]), anchor=False)
    others = [a for a in e["aliases"] or [] if a != e["entity"]]
    st.caption(f"{e['entity_type']} · also written as: "
               + (", ".join(md_escape(a) for a in others) or "no other names"))
    cols = st.columns(5)
    cols[0].metric("articles", f"{e['articles']:,}")
    cols[1].metric("outlets", f"{e['outlets']:,}")
    cols[2].metric("mentions", f"{e['mentions'] or 0:,}")
    cols[3].metric("first seen", stamp(e["first_seen_at"])[:10])
    cols[4].metric("last seen", stamp(e["last_seen_at"])[:10])

    timeline = QUERIES["timeline"](reader, picked)
    st.subheader("Articles per day")
    if timeline.is_empty():
        st.caption("Not mentioned in any article.")
    else:
        st.altair_chart(alt.Chart(timeline).mark_bar()
                        .encode(x=day_axis(), y=alt.Y("articles:Q", title="articles"),
                                tooltip=["day:T", "articles:Q", "outlets:Q", "mentions:Q",
                                         "title_mentions:Q"])
                        .properties(height=220), width="stretch")

    left, right = st.columns(2)
    with left:
        st.subheader("Outlets")
        outlets = QUERIES["outlets"](reader, picked)
        table(outlets, height=min(38 + 35 * max(outlets.height, 1), 390))
    with right:
        st.subheader("Mentioned with")
        st.caption("Select a row to open that entity.")
        slot = st.empty()  # filled last: pairs of entities are the page's slowest query
        slot.caption("counting the entities mentioned in the same articles ...")

    st.subheader("Latest articles")
    latest = QUERIES["latest"](reader, picked)
    table(latest.drop("article_id"), links=("canonical_url",))

    others = QUERIES["others"](reader, picked)
    chosen = slot.dataframe(others.drop("entity_id"), hide_index=True, on_select="rerun",
                            selection_mode="single-row", key=f"comentions_{picked}",
                            height=min(38 + 35 * max(others.height, 1), 390))
    if chosen and chosen.selection.rows:
        open_entity(others["entity_id"][chosen.selection.rows[0]])
