"""Streamlit's result cache for the dashboard's queries, keyed by the warehouse file's identity (a new
snapshot is a new key) and the query and its parameters; the reader itself is not part of the key."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.data import CACHE_TTL_SECONDS


@st.cache_data(ttl=CACHE_TTL_SECONDS, max_entries=256, show_spinner=False)
def cached_frame(_reader, identity: tuple, path: str, name: str, params: tuple) -> pl.DataFrame:
    return _reader._run(name, dict(params))
