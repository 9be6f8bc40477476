"""Lake maintenance as a flow (`newsetl warehouse maintain`, or a schedule of its own): under the merge
lock, inlined rows flushed to Parquet, small files merged, old snapshots expired and the files nothing
needs deleted (store/lake.py maintain). The embedded file needs none of it: DuckDB checkpoints it."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger

import store
from flows import run_lock
from newsetl.config import Settings
from store.lake import Lake, LakeError, maintain


def maintained_lake(settings: Settings) -> Lake:
    """The lake `settings` names, or LakeError: the embedded file needs no maintenance."""
    lake = settings.target
    if not isinstance(lake, Lake):
        raise LakeError("maintenance is for a lake (NEWSETL_WAREHOUSE=ducklake:postgres:...); the embedded "
                        "file keeps itself")
    return lake


@flow(name="maintain_warehouse", log_prints=False)
def maintain_warehouse(warehouse_path: str | None = None, keep_hours: float = 24.0) -> dict[str, float]:
    """Maintain the lake NEWSETL_WAREHOUSE names, keeping the snapshots of the last `keep_hours` (and
    the published one, whatever its age) for readers pinned to them. Returns each step's seconds and
    the data files before and after."""
    settings = Settings.from_env(warehouse_path=Path(warehouse_path) if warehouse_path else None)
    lake = maintained_lake(settings)
    with run_lock.ingest_lock(settings, settings.run_wait), store.connect_writer(lake) as con:
        figures = maintain(con, lake, keep_hours)
    get_run_logger().info("lake maintained: %d -> %d data files (%s)", figures["files_before"],
                          figures["files_after"], ", ".join(f"{k} {v:.2f} s" for k, v in figures.items()
                                                            if not k.startswith("files")))
    return figures
