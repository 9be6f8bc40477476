"""What `newsetl run` and `newsetl sources` print (issue 18): Prefect's per-task "Finished in state" lines
only with --verbose, log times and run start labelled UTC, and whole lines (no wrapping at 80 columns)
when the output is a file or a pipe. The real CLI in a subprocess, its output a pipe (not a terminal),
reporting to the suite's Prefect server (a temporary server per run cost ~10 s each; what the user sees of a
temporary server is tested by tests/test_cli.py and tests/security/test_prefect_server.py)."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys

import prefect.settings
import pytest

from tests.conftest import ROOT, SAMPLE_SITE

TASK_LINE = re.compile(r"Task run '[a-z_]+-[0-9a-f]+' - Finished in state Completed\(\)")
FLOW_LINE = re.compile(
    r"^\d\d:\d\d:\d\d\.\d{3} UTC \| INFO +\| Flow run '[^']+' - "
    r"Finished in state Completed\(\)",
    re.MULTILINE,
)
LONG_NAME = "a-source-with-a-rather-long-name-" + "x" * 60

SOURCES = f"""
[[sources]]
name = "northern-courier"
kind = "rss"
url = "{SAMPLE_SITE / "northerncourier" / "rss.xml"}"
outlet = "Northern Courier"
follow_links = true
"""


@pytest.fixture(autouse=True)
def _server(prefect_harness):
    """Every run here reports to the suite's Prefect server (see environment())."""


def environment() -> dict[str, str]:
    """This process's environment with the suite's Prefect server, no COLUMNS and Prefect's INFO lines
    on."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API") and k != "COLUMNS"}
    env.update({"PREFECT_LOGGING_LEVEL": "INFO", "PREFECT_LOGGING_TO_API_ENABLED": "false",
                "PREFECT_API_URL": prefect.settings.PREFECT_API_URL.value()})
    return env


def newsetl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsetl.cli", *args],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_task_lines_only_with_verbose_and_times_in_utc(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    quiet = newsetl("run", "--sources", str(sources), "--warehouse", str(tmp_path / "quiet.duckdb"))
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert not TASK_LINE.search(quiet.stderr), quiet.stderr
    assert FLOW_LINE.search(quiet.stderr), quiet.stderr  # the flow's own lines stay
    assert re.search(r"completed in [\d.]+ s, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", quiet.stdout)
    assert "fetch feeds" not in quiet.stdout + quiet.stderr  # no progress bars into a pipe

    verbose = newsetl(
        "run", "--verbose", "--sources", str(sources), "--warehouse", str(tmp_path / "verbose.duckdb")
    )
    assert verbose.returncode == 0, verbose.stdout + verbose.stderr
    tasks = TASK_LINE.findall(verbose.stderr)
    assert len(tasks) >= 8, verbose.stderr  # one per task run of the flow
    for line in verbose.stderr.splitlines():
        if TASK_LINE.search(line):
            assert re.match(r"\d\d:\d\d:\d\d\.\d{3} UTC \| INFO", line), line


def test_sources_list_into_a_pipe_is_not_wrapped(tmp_path):
    url = "http://127.0.0.1:9/" + "a-feed-with-a-long-path/" * 5 + "rss.xml"  # listed, never fetched
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[sources]]\nname = "{LONG_NAME}"\nkind = "rss"\nurl = "{url}"\noutlet = "Northern Courier"\n',
        encoding="utf-8",
    )
    listed = newsetl("sources", "--sources", str(sources), "--warehouse", str(tmp_path / "none.duckdb"))
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if LONG_NAME in line)
    assert url in row and len(row) > 200  # the whole row on one line
    assert "\x1b[" not in listed.stdout  # no colour codes in a file


def on_a_terminal(*args: str, timeout: float = 600) -> str:
    """The CLI with its standard streams on a pseudo-terminal (as in a shell): all it wrote there."""
    main, child = pty.openpty()
    env = environment() | {"TERM": "xterm-256color", "COLUMNS": "160"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsetl.cli", *args],
        cwd=ROOT,
        env=env,
        stdin=child,
        stdout=child,
        stderr=child,
        start_new_session=True,
    )
    os.close(child)
    chunks = []
    try:
        while select.select([main], [], [], timeout)[0]:
            try:
                data = os.read(main, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        assert proc.wait(timeout=60) == 0, b"".join(chunks).decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(main)
    return b"".join(chunks).decode(errors="replace")


def test_progress_bars_per_stage_on_a_terminal(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    shown = on_a_terminal("run", "--sources", str(sources), "--warehouse", str(tmp_path / "news.duckdb"))
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)  # without the terminal's codes
    assert re.search(r"fetch feeds +.*1/1 .*sources/s", plain), plain
    assert re.search(r"fetch article pages +.*1/1 .*sources/s", plain), plain
    assert re.search(r"recognise entities +.*12/12 .*articles/s", plain), plain
