"""Latest articles (analytics.latest_articles), with full-text search and filters: outlets, date range,
entity, language. Search is BM25 over title and body where the warehouse has its full-text index, else a
substring match on title and summary. The filters are kept in the URL (?q=...&outlet=...&entity=...&
language=...&since=YYYY-MM-DD&until=...), so a search can be shared."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.data import Reader, Status, like_pattern, md_escape, safe_links, safe_url
from dashboard.ui import read_dates

LIMIT = 100


def _date_param(name: str, default: date, low: date, high: date) -> date:
    try:
        value = date.fromisoformat(st.query_params.get(name, ""))
    except ValueError:
        return default
    return min(max(value, low), high)


def _keep(name: str, value) -> None:
    """Mirror a filter in the URL (or drop it when it is empty)."""
    if value in (None, "", []):
        st.query_params.pop(name, None)
    elif isinstance(value, list):
        st.query_params[name] = value
    else:
        st.query_params[name] = str(value)


def prewarm(reader: Reader, status: Status) -> None:
    bounds = reader.frame("day_bounds").row(0, named=True)
    reader.frame("outlets")
    reader.frame("languages")
    reader.search_articles(None, has_index=status.search_index, outlets=None, since=bounds["first_day"],
                           until=bounds["last_day"], entity_id=None, language=None, limit=LIMIT)


def render(reader: Reader, status: Status) -> None:
    st.title("Latest articles")
    bounds = reader.frame("day_bounds").row(0, named=True)
    low, high = bounds["first_day"], bounds["last_day"]
    text = st.text_input("search", value=st.query_params.get("q", ""), key="q",
                         placeholder="words in the title or text, e.g. Lavrov Vienna").strip()
    c1, c2, c3, c4 = st.columns([3, 2, 3, 1])
    with c1:
        known = reader.frame("outlets")["outlet"].to_list()
        wanted = [o for o in st.query_params.get_all("outlet") if o in known]
        outlets = st.multiselect("outlets", known, default=wanted, key="outlets", placeholder="all outlets")
    with c2:
        default = (_date_param("since", low, low, high), _date_param("until", high, low, high))
        since, until = read_dates(st.date_input("published (UTC)", value=default, min_value=low,
                                                max_value=high, key="published"), default)
    with c3:
        entity_text = st.text_input("mentioning the entity", value=st.query_params.get("entity", ""),
                                    key="entity", placeholder="any entity, e.g. Putin").strip()
    with c4:
        languages = reader.frame("languages")["language"].to_list()
        options = ["any", *languages]
        asked = st.query_params.get("language", "any")
        language = st.selectbox("language", options, index=options.index(asked) if asked in options else 0,
                                key="language")
    for name, value in (("q", text), ("outlet", outlets), ("entity", entity_text),
                        ("language", None if language == "any" else language),
                        ("since", since.isoformat() if since != low else None),
                        ("until", until.isoformat() if until != high else None)):
        _keep(name, value)

    entity_id = None
    if entity_text:
        found = reader.frame("entity_find", pattern=like_pattern(entity_text), text=entity_text, limit=1)
        if found.is_empty():
            st.warning("No entity has that in its name; the entity filter is left out.")
        else:
            entity_id = found["entity_id"][0]
            st.caption(f"mentioning {md_escape(found['entity'][0])} ({found['entity_type'][0]}; the closest "
                       "name containing that)")

    rows, method = reader.search_articles(text, has_index=status.search_index, outlets=outlets or None,
                                          since=since, until=until, entity_id=entity_id,
                                          language=None if language == "any" else language, limit=LIMIT)
    how = {"latest": "newest first", "bm25": "best match first (full-text index over title and text)",
           "substring": "newest first, title or summary containing the text (no full-text index yet)"}[method]
    st.caption(f"{rows.height:,}{'+' if rows.height == LIMIT else ''} articles, {how}. "
               "Select a row to read its details.")
    if rows.is_empty():
        st.info("No article matches.")
        return
    picked = st.dataframe(
        safe_links(rows.drop("article_id"), "canonical_url"), hide_index=True, on_select="rerun",
        selection_mode="single-row", key="articles_table", height=min(38 + 35 * rows.height, 700),
        column_config={"title": st.column_config.TextColumn("title", width="large"),
                       "canonical_url": st.column_config.LinkColumn("url")})
    if picked and picked.selection.rows:
        _details(reader, rows.row(picked.selection.rows[0], named=True))


def _details(reader: Reader, row: dict) -> None:
    """One article, every field as plain text (st.text never reads markdown or HTML)."""
    with st.container(border=True):
        st.text(row["title"] or "(no title)")
        st.text(f"{row['outlet']} · {row['published_at']} · {row['language'] or '?'} · "
                f"{row['word_count']:,} words" + (" · a copy of an earlier article"
                                                   if row["is_syndicated_copy"] else ""))
        url = safe_url(row["canonical_url"])
        if url:
            st.link_button("open the article", url)
        st.text(row["canonical_url"] or "")
