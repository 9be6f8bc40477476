"""A Prefect flow whose parameters reach the server as the JSON values they already are.

Prefect's Flow.serialize_parameters runs every parameter through FastAPI's `jsonable_encoder` before a
flow run is created; importing it (FastAPI and what it pulls in: 0.13 s here) was the largest part of a
re-poll's 2 s that the run itself did not need (issue 15). The ingest flow's parameters are strings,
booleans, None and lists of strings, which that encoder returns unchanged (a list as a new list): those go
to the server as they are, anything else through Prefect's own serialization, as before."""

from __future__ import annotations

from typing import Any

from prefect import Flow

JSON_SCALARS = (str, bool, int, float)


def is_plain_json(value: object) -> bool:
    """A value `jsonable_encoder` returns as it is: None, str, bool, int, float, or a list of those."""
    if value is None or isinstance(value, JSON_SCALARS):
        return True
    return type(value) is list and all(item is None or isinstance(item, JSON_SCALARS) for item in value)


class JsonParameterFlow(Flow):
    """A Flow whose plain JSON parameters (is_plain_json) are not run through FastAPI's encoder."""

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        if all(map(is_plain_json, parameters.values())):
            return {key: list(value) if isinstance(value, list) else value
                    for key, value in parameters.items()}
        return super().serialize_parameters(parameters)


def json_parameter_flow(**options: Any):
    """Prefect's @flow(**options), making a JsonParameterFlow."""
    return lambda fn: JsonParameterFlow(fn, **options)
