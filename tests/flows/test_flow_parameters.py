"""The ingest flow's parameters reach the server as Prefect would send them, without FastAPI's encoder
for plain JSON values (flows/flow_parameters.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from prefect import Flow

from flows.flow_parameters import JsonParameterFlow, is_plain_json
from flows.ingest import ingest


@pytest.mark.parametrize("parameters", [
    {"sources_file": "sources.toml", "warehouse_path": None, "group": None, "reprocess": False,
     "refetch": None, "dry_run": False},
    {"sources_file": "/x/sources.toml", "warehouse_path": "/x/news.duckdb", "group": "hourly",
     "reprocess": True, "refetch": ["feed-01", "feed-02"], "dry_run": True},
    {"n": 3, "ratio": 0.5, "mixed": ["a", None, 2, 1.5, True]},
])
def test_plain_json_parameters_are_sent_as_prefect_would_send_them(parameters):
    assert all(map(is_plain_json, parameters.values()))
    sent = ingest.serialize_parameters(parameters)
    assert sent == Flow.serialize_parameters(ingest, parameters)
    for key, value in parameters.items():  # a list is sent as a new list, as the encoder makes one
        assert sent[key] is not value or not isinstance(value, list)


@pytest.mark.parametrize("value", [Path("/x/sources.toml"), ("a", "b"), {"k": "v"}, datetime(2026, 12, 7),
                                   [Path("/x")]])
def test_any_other_value_goes_through_prefects_own_serialization(value):
    assert not is_plain_json(value)
    parameters = {"sources_file": "s.toml", "other": value}
    assert ingest.serialize_parameters(parameters) == Flow.serialize_parameters(ingest, parameters)


def test_the_ingest_flow_is_one():
    assert isinstance(ingest, JsonParameterFlow) and ingest.name == "ingest"
