"""The lake's fixtures (tests/store/test_lake.py, tests/store/test_lake_runs.py; helpers in lakes.py)."""

from __future__ import annotations

import pytest

from newsetl.config import Settings
from tests.conftest import SAMPLE_CAPTURED_AT
from tests.postgres import postgres_server  # noqa: F401 - the fixture
from tests.store.lakes import make_lake


@pytest.fixture
def frozen_clock():
    from newsetl import clock

    with clock.pinned(SAMPLE_CAPTURED_AT, frozen=True):
        yield


@pytest.fixture
def new_lake(postgres_server, tmp_path, monkeypatch):  # noqa: F811 - the fixture imported above
    """A function that makes an empty lake under tmp_path/<name> (make_lake) and returns its settings;
    `use=True` also points this process's runs at it."""

    def make(name: str, use: bool = True) -> Settings:
        return make_lake(postgres_server, tmp_path, monkeypatch, name, use)

    return make
