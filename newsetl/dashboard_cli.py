"""`newsetl dashboard`: the Streamlit dashboard over the published warehouse, on 127.0.0.1.

Registered in newsetl/cli.py with `app.command()(dashboard)`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"


def streamlit_command(port: int, host: str) -> list[str]:
    """`streamlit run dashboard/app.py` bound to `host`:`port`, headless (no browser opened, no prompt),
    with no usage statistics, no file watcher and no development mode."""
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", host, "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false",
            "--global.developmentMode", "false", "--client.toolbarMode", "viewer",
            "--browser.serverAddress", host, "--browser.serverPort", str(port)]


def dashboard(
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w",
                                          help="DuckDB file to read [default: warehouse/news.duckdb]"),
    port: int = typer.Option(8501, "--port", "-p", help="port to serve on"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to serve on (loopback by default)"),
) -> None:
    """Open the dashboard (Streamlit) on http://127.0.0.1:8501: articles per outlet, trending entities,
    entities, stories, search, feed health. Reads the warehouse read-only; stop it with Ctrl-C."""
    from newsetl.config import Settings

    settings = Settings.from_env(warehouse_path=warehouse)
    env = dict(os.environ)
    env["NEWSETL_WAREHOUSE_PATH"] = str(settings.warehouse_path.resolve())
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    target = settings.target  # a lake (NEWSETL_WAREHOUSE): the dashboard follows its published search file
    path = target.resolve() if isinstance(target, Path) else target.search_file.resolve()
    if not path.exists():
        typer.secho(f"no warehouse yet at {path}: run `newsetl run` (the dashboard says so until then)",
                    fg=typer.colors.YELLOW, err=True)
    typer.echo(f"newsetl dashboard on http://{host}:{port} reading {path} (Ctrl-C to stop)")
    sys.stdout.flush()
    command = streamlit_command(port, host)
    os.execve(command[0], command, env)  # this process becomes the server: a signal to it stops it


if __name__ == "__main__":
    typer.run(dashboard)
