"""Ready before anyone asks: when a new snapshot of the warehouse is opened (the server watches the file and
opens each one as soon as it is published), the queries of every page's first view run in the background
and their results are kept with the snapshot, so the first visitor after a run does not wait for them."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from dashboard.data import Reader
from dashboard.panels import (
    articles,
    entity,
    feed_health,
    headline_changes,
    outlets_per_day,
    stories,
    story,
    trending,
)

PANELS = (outlets_per_day, trending, stories, story, headline_changes, articles, feed_health, entity)
log = logging.getLogger(__name__)


def prewarm(path: Path) -> None:
    started = time.perf_counter()
    reader = Reader(path, cache=True)
    try:
        status = reader.status()
        if not status.ok:
            return
        for panel in PANELS:
            if not reader.current():
                return  # a newer snapshot was published: its own prewarm runs
            panel.prewarm(reader, status)
        log.info("prewarmed %s: %d queries, %.1f s", path, reader.queries, time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - a failed prewarm only costs the first visitor time
        log.warning("prewarming %s failed: %s", path, exc)
    finally:
        reader.close()
