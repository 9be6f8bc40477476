"""Progress of a run's long stages (fetching feeds, parsing them, fetching article pages, recognising
entities): a bar per stage with its count and rate, shown by `newsetl run` on a terminal only.

The flow reports with `start(stage, total)` and `advance(stage)`; they do nothing unless a display is
active (`bars(...)`, entered by the CLI), so flow runs under a scheduler, in tests or into a file print
nothing more. Stages are advanced from worker threads: rich's Progress is thread-safe."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text
from rich.theme import Theme

_lock = threading.Lock()
_display: Progress | None = None
_tasks: dict[str, int] = {}


class RateColumn(ProgressColumn):
    """Items per second of a stage, e.g. '37.5 articles/s'."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed or (task.completed / task.elapsed if task.elapsed else None)
        unit = task.fields.get("unit", "items")
        return Text("" if speed is None else f"{speed:,.1f} {unit}/s", style="progress.data.speed")


@contextmanager
def bars(console: Console) -> Iterator[None]:
    """Show a bar per stage on `console` while the block runs (the CLI enters it on a terminal only)."""
    global _display
    progress = Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    console.push_theme(Theme())  # rich's default styles, for a console made with a theme of its own
    with _lock:
        _display = progress
        _tasks.clear()
    try:
        with progress:
            yield
    finally:
        with _lock:
            _display = None
            _tasks.clear()
        console.pop_theme()


def start(stage: str, total: int, unit: str = "items") -> None:
    """A new bar for `stage` (one run of it): `total` items to do. Nothing when no display is active."""
    with _lock:
        if _display is not None:
            _tasks[stage] = _display.add_task(stage, total=total, unit=unit)


def advance(stage: str, n: int = 1) -> None:
    """`n` more items of `stage` done."""
    with _lock:
        if _display is not None and stage in _tasks:
            _display.advance(_tasks[stage], n)
