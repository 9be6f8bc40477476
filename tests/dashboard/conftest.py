"""The sample warehouse the dashboard tests read: the real `ingest` flow run once over the sample site
(served on 127.0.0.1), published as a read snapshot like `newsetl run` does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import write_sources


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, site_server, prefect_harness) -> Path:
    from flows.ingest import ingest

    tmp = tmp_path_factory.mktemp("dashboard-warehouse")
    sources = write_sources(tmp / "sources.toml", site_server.base_url)
    path = tmp / "news.duckdb"
    summary = ingest(sources_file=str(sources), warehouse_path=str(path))
    assert summary.status == "completed"
    return path


@pytest.fixture
def warehouse_copy(sample_warehouse, tmp_path) -> Path:
    """A private copy of the sample warehouse, to change."""
    path = tmp_path / "news.duckdb"
    shutil.copyfile(sample_warehouse, path)
    return path
