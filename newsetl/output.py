"""What the CLI prints and how: a rich console that is plain and full-width when the output is not a terminal
(a file or a pipe gets whole lines, not a table squeezed to 80 columns), and Prefect's log lines with their
times in UTC, labelled so, and without the per-task "Finished in state Completed()" lines unless asked
(`newsetl run --verbose`)."""

from __future__ import annotations

import logging
import sys
import time
from contextlib import AbstractContextManager, nullcontext
from typing import TextIO

from rich.console import Console

# wide enough that no table or line of ours is wrapped when written to a file; columns still fit their text
PLAIN_WIDTH = 10_000

# Prefect's own formats (prefect/logging/logging.yml, formatter "standard"), with the time in UTC and labelled
LOG_FORMAT = "%(asctime)s.%(msecs)03d UTC | %(levelname)-7s | %(name)s - %(message)s"
FLOW_RUN_FORMAT = "%(asctime)s.%(msecs)03d UTC | %(levelname)-7s | Flow run %(flow_run_name)r - %(message)s"
TASK_RUN_FORMAT = "%(asctime)s.%(msecs)03d UTC | %(levelname)-7s | Task run %(task_run_name)r - %(message)s"
TASK_RUN_LOGGER = "prefect.task_runs"


def output_console(file: TextIO | None = None) -> Console:
    """A console for the CLI's output: rich's own on a terminal; else no colour, no highlighting and no
    wrapping (a file or a pipe gets each line whole)."""
    console = Console(file=file)
    if console.is_terminal:
        return console
    return Console(
        file=file or sys.stdout, width=PLAIN_WIDTH, color_system=None, highlight=False, emoji=False
    )


def stage_bars() -> AbstractContextManager:
    """Progress bars of the run's stages on standard error when it is a terminal (newsetl.progress);
    nothing otherwise (a log file or a scheduler gets no bars). The bars are drawn on the console of
    Prefect's log handler, so its lines are printed above them, not through them."""
    from newsetl import progress

    console = next((h.console for h in prefect_console_handlers()), None) or Console(stderr=True)
    return progress.bars(console) if console.is_terminal else nullcontext()


def prefect_console_handlers() -> list[logging.Handler]:
    """The handlers that print Prefect's log lines (on the root logger, set up when Prefect is imported)."""
    from prefect.logging.handlers import PrefectConsoleHandler

    return [h for h in logging.getLogger().handlers if isinstance(h, PrefectConsoleHandler)]


class HideTaskRunInfo(logging.Filter):
    """Drops Prefect's per-task lines below WARNING ("Finished in state Completed()", one per task run);
    a task's warnings and errors still show."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or not record.name.startswith(TASK_RUN_LOGGER)


def utc_log_formatter() -> logging.Formatter:
    """Prefect's console format with times in UTC, labelled 'UTC'."""
    from prefect.logging.formatters import PrefectFormatter

    formatter = PrefectFormatter(
        LOG_FORMAT, datefmt="%H:%M:%S", flow_run_fmt=FLOW_RUN_FORMAT, task_run_fmt=TASK_RUN_FORMAT
    )
    formatter.converter = time.gmtime
    return formatter


def configure_run_logging(verbose: bool) -> None:
    """Prefect's console handlers (set up when Prefect is imported): times in UTC, and the per-task lines
    only when `verbose`. The task logs still reach a Prefect server's API (another handler)."""
    import prefect  # noqa: F401 - sets up Prefect's logging (its handlers) if not done yet

    for handler in prefect_console_handlers():
        handler.setFormatter(utc_log_formatter())
        for old in [f for f in handler.filters if isinstance(f, HideTaskRunInfo)]:
            handler.removeFilter(old)
        if not verbose:
            handler.addFilter(HideTaskRunInfo())
