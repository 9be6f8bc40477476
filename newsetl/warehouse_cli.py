"""`newsetl warehouse ...`: copy a warehouse between the embedded file and a lake, and maintain a lake."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer

from newsetl.config import ConfigError, Settings

warehouse_app = typer.Typer(no_args_is_help=True, help="Copy a warehouse between backends; maintain a lake.")


def _location(spec: str, settings: Settings):
    """A DuckDB file's path, or a lake (`ducklake:postgres:...`: its data at NEWSETL_LAKE_DATA and its
    search file beside NEWSETL_WAREHOUSE_PATH, as a run would use)."""
    if spec.startswith("ducklake:"):
        return replace(settings, warehouse=spec).target
    return Path(spec).expanduser().resolve()


@warehouse_app.command("copy")
def copy(
    source: str = typer.Argument(..., help="a published DuckDB file, or ducklake:postgres:<connection>"),
    destination: str = typer.Argument(..., help="an empty warehouse: a DuckDB file's path (published; the "
                                      "writer's file is made beside it) or ducklake:postgres:<connection>"),
) -> None:
    """Copy every row of SOURCE into the empty DESTINATION, in one transaction, then index, make the views
    and publish it: an embedded warehouse into a lake, or back."""
    from store.copy import CopyError, copy_warehouse
    from store.lake import LakeError

    try:
        settings = Settings.from_env()
        counts = copy_warehouse(_location(source, settings), _location(destination, settings))
    except (ConfigError, CopyError, LakeError) as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None
    seconds = counts.pop("seconds")
    typer.echo(f"copied in {seconds:.1f} s: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))


@warehouse_app.command("maintain")
def maintain(
    keep_hours: float = typer.Option(24.0, help="keep the snapshots of the last hours (and the "
                                     "published one)"),
) -> None:
    """Maintain the lake NEWSETL_WAREHOUSE names (flows/maintenance.py): flush inlined rows, merge small
    files, expire old snapshots, delete the files nothing needs."""
    from flows.maintenance import maintain_warehouse, maintained_lake
    from store.lake import LakeError

    try:
        maintained_lake(Settings.from_env())  # said before a flow run starts, not as its traceback
        figures = maintain_warehouse(keep_hours=keep_hours)
    except (ConfigError, LakeError) as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None
    typer.echo(f"data files {figures['files_before']:.0f} -> {figures['files_after']:.0f}")
