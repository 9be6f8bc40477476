"""The `newsetl` command: `newsetl run` ingests the sources once; `newsetl sql` queries the warehouse."""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import typer

from newsetl.config import (
    PROJECT_ROOT,
    ROOT_SOURCES,
    ConfigError,
    Settings,
    load_sources,
    output_conflict,
)
from newsetl.warehouse_cli import warehouse_app

# Prefect reads its settings when first imported: keep its state in the project and send no telemetry,
# unless the user chose otherwise.
os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
# The temporary server's first start on a fresh machine creates and migrates its database: Prefect's 20 s
# default timed out (`make run` failed) while the machine was busy installing; 120 s is what the tests allow.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

# urllib3 logs every retry of every request as a warning (hundreds of lines when a few hosts are down); the
# outcome of each source is reported once, by the flow and the summary, and kept in `fetches`.
logging.getLogger("urllib3.connectionpool").setLevel(logging.ERROR)

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newsetl: news feeds, article pages and aggregator listings into a DuckDB warehouse.")


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


# Exit codes of `run` and `reprocess`, for a scheduler, cron or CI (README: Usage)
EXIT_OK, EXIT_USAGE, EXIT_LOCKED, EXIT_SOME_FAILED, EXIT_ALL_FAILED = 0, 2, 3, 4, 5


@contextlib.contextmanager
def _collector_paused(fresh: bool):
    """`fresh` (a `newsetl` process, not a test calling `app`): the block's imports (Prefect and the flow:
    ~1M long-lived objects) load with the cyclic garbage collector off, then are frozen so that its later
    passes skip them. Loading them makes almost no garbage, yet the collector walked the growing heap ~500
    times meanwhile (0.25-0.35 s of a 3 s `newsetl run`)."""
    if not fresh or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _ingest(sources: Path, warehouse: Path | None, group: str | None, reprocess: bool,
            refetch: list[str] | None = None, dry_run: bool = False, verbose: bool = False) -> None:
    fresh = "flows.ingest" not in sys.modules  # a `newsetl` process (a test has the flow imported)
    with _collector_paused(fresh):
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
            get_current_settings,
            temporary_settings,
        )

        from newsetl.clock import ClockError, check_env
        from newsetl.output import configure_run_logging, stage_bars
        from newsetl.serve import ServeError, configured_server
        from newsetl.server_watchdog import EarlyTemporaryServer, guard_temporary_server

    try:
        config = load_sources(sources)  # a bad file is reported here, before a flow run starts
        config.check_group(group)
        config.check_names(refetch)
        Settings.from_env()
        check_env()
        # a server already up (PREFECT_API_URL, or the one `newsetl serve` runs) spares the run Prefect's
        # temporary server, whose start is most of a run that finds nothing new (README: Scheduling)
        api_url = configured_server(Path(os.environ["PREFECT_HOME"]), get_current_settings().api.url)
    except (ConfigError, ClockError, ServeError) as exc:
        _fail(str(exc))
    early_server = None
    # a temporary Prefect server dies with this process, even on SIGKILL; it starts in its own process
    # while this one imports the flow (README: Scheduling, what a run outside `serve` costs)
    if api_url is None and guard_temporary_server() and get_current_settings().server.ephemeral.enabled:
        early_server = EarlyTemporaryServer()
    with _collector_paused(fresh):
        from flows.ingest import AllSourcesFailed, ingest
        from flows.run_lock import RunLockTimeout
        from newsetl.summary import print_summary
        from store import LockedError, leave_lookup_only_modules_unloaded
    if fresh:
        leave_lookup_only_modules_unloaded()  # a run makes no pandas object and no pyarrow dataset: DuckDB
                                              # need not load them to look for one

    configure_run_logging(verbose)  # after Prefect's flow machinery is imported: it sets up logging too
    overrides = {PREFECT_API_URL: api_url} if api_url else {}
    if "heartbeat_frequency" not in get_current_settings().flows.model_fields_set:
        # Prefect's flow-run heartbeat thread sleeps in 1 s steps and the run waits for it to wake at the
        # end: up to a second of every run, for heartbeats (every 180 s) that only a Prefect automation
        # reads. Off unless PREFECT_FLOWS_HEARTBEAT_FREQUENCY is set (env or profile).
        overrides[PREFECT_FLOWS_HEARTBEAT_FREQUENCY] = None
    try:
        if early_server is not None:
            early_server.wait()
        with temporary_settings(overrides), stage_bars():
            summary = ingest(sources_file=str(sources), warehouse_path=str(warehouse) if warehouse else None,
                             group=group, reprocess=reprocess, refetch=refetch, dry_run=dry_run)
    except (LockedError, RunLockTimeout) as exc:
        _fail(str(exc), code=EXIT_LOCKED)
    except AllSourcesFailed as exc:
        print_summary(exc.summary)
        _fail(str(exc), code=EXIT_ALL_FAILED)
    print_summary(summary)
    if summary.sources_failed:
        typer.secho(f"{summary.sources_failed} of {len(summary.sources)} source(s) failed; the others "
                    "loaded. See the fetches table.", fg=typer.colors.YELLOW)
        raise typer.Exit(EXIT_SOME_FAILED)


SOURCES_OPTION = typer.Option(ROOT_SOURCES, "--sources", "-s", help="sources file (TOML)")
WAREHOUSE_OPTION = typer.Option(None, "--warehouse", "-w",
                                help="DuckDB file [default: warehouse/news.duckdb]")
VERBOSE_OPTION = typer.Option(False, "--verbose", "-v",
                              help="also print Prefect's line for every task run (hidden by default)")


@app.command()
def run(
    sources: Path = SOURCES_OPTION,
    warehouse: Path | None = WAREHOUSE_OPTION,
    group: str | None = typer.Option(None, "--group", "-g", help="only the sources of this schedule group"),
    refetch: list[str] | None = typer.Option(
        None, "--refetch", help="fetch and parse this source again in full, its article pages too, whatever "
        "its validators and what is stored (repeatable)"),
    verbose: bool = VERBOSE_OPTION,
) -> None:
    """Fetch every source once, transform, and load one batch into the warehouse."""
    _ingest(sources, warehouse, group, reprocess=False, refetch=refetch, verbose=verbose)


@app.command()
def reprocess(
    sources: Path = SOURCES_OPTION,
    warehouse: Path | None = WAREHOUSE_OPTION,
    dry_run: bool = typer.Option(False, "--dry-run", help="only say what would change, table by table"),
    verbose: bool = VERBOSE_OPTION,
) -> None:
    """Rebuild articles, sources and entities from the raw store, with no network: every recorded run is
    replayed, oldest first, and parsed and transformed again (after a parser or NER improvement)."""
    _ingest(sources, warehouse, None, reprocess=True, dry_run=dry_run, verbose=verbose)


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


NO_ROWS = "the statement ran and returns no rows"
WAREHOUSE_READ_OPTION = typer.Option(None, "--warehouse", "-w",
                                     help="DuckDB file (published snapshot) [default: warehouse/news.duckdb]")


def _published(warehouse: Path | None):
    """The published warehouse to read: its file, or the lake NEWSETL_WAREHOUSE names (store/lake.py)."""
    try:
        target = Settings.from_env(warehouse_path=warehouse).target
    except ConfigError as exc:
        _fail(str(exc))
    if not isinstance(target, Path):
        return target
    path = target
    if path.name.endswith(".writer.duckdb"):  # a reader holding it would block the pipeline
        _fail(f"{path} is the pipeline's own file: read the published snapshot beside it")
    if not path.exists():
        _fail(f"no warehouse at {path}: run `newsetl run` (or `make run`) first")
    return path


def _write_frame(frame, output: OutputFormat, out: Path | None) -> None:
    """A query result as CSV, JSON (an array of objects) or Parquet, to `out` or standard output."""
    if output is OutputFormat.parquet:
        if out is None:
            _fail("--format parquet needs --out FILE")
        frame.write_parquet(out)
        typer.echo(f"{frame.height:,} rows written to {out}", err=True)
    elif output is OutputFormat.csv:
        frame.write_csv(out) if out else frame.write_csv(sys.stdout)
    else:
        text = frame.write_json() + "\n"
        out.write_text(text, encoding="utf-8") if out else sys.stdout.write(text)


@app.command()
def sql(
    query: str = typer.Argument(..., help="SQL to run (read-only)"),
    warehouse: Path | None = WAREHOUSE_READ_OPTION,
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="output format"),
    out: Path | None = typer.Option(None, "--out", "-o", help="write to this file (parquet: required)"),
    max_rows: int = typer.Option(40, help="rows shown in table format"),
) -> None:
    """Run a read-only query against the published warehouse, e.g.
    newsetl sql "select * from analytics.articles_per_outlet_per_day"."""

    _refuse_warehouse_output(out, warehouse)

    def read(con):
        if output is OutputFormat.table and out is None:
            relation = con.sql(query)
            if relation is None:
                typer.echo(NO_ROWS)
            else:
                relation.show(max_rows=max_rows, max_width=200)
            return None
        cursor = con.execute(query)
        frame = cursor.pl() if cursor.description else None
        if frame is None or frame.is_empty():  # DDL answers no rows (or an empty "Count")
            typer.echo(NO_ROWS, err=True)
        return frame if frame is not None and frame.width else None

    _show(_read_published(warehouse, read, "query", user_statements=True), output, out)


@app.command()
def search(
    query: str = typer.Argument(..., help='words to look for in titles and bodies; "a phrase", -excluded'),
    limit: int = typer.Option(10, "--limit", "-n", help="how many articles"),
    outlet: str | None = typer.Option(None, "--outlet", help="only this outlet (any name or alias of it)"),
    since: str | None = typer.Option(None, "--since", help="only articles published since: a date, "
                                     "'yesterday', '7 days ago' (counted from the warehouse's newest data)"),
    warehouse: Path | None = WAREHOUSE_READ_OPTION,
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="output format"),
    out: Path | None = typer.Option(None, "--out", "-o", help="write to this file (parquet: required)"),
) -> None:
    """Full-text search over article titles and bodies, best first (BM25), with the passage that matched,
    e.g. newsetl search --outlet indy --since "7 days ago" '"Barents Sea" accord -storm' (a query that
    starts with -word goes after --: newsetl search -- "-storm accord")."""
    from newsetl import clock
    from store import has_search_index, sql_text
    from transforms.normalise import outlet_key
    from transforms.search_query import parse_query, parse_since

    _refuse_warehouse_output(out, warehouse)
    try:
        parsed = parse_query(query)
    except ValueError as exc:
        _fail(str(exc))

    def read(con):
        if not has_search_index(con):
            _fail("the warehouse has no search index yet: it is built by the next `newsetl run`")
        source_ids = None
        if outlet is not None:
            found = con.execute(sql_text("read/outlets_by_alias.sql"),
                                {"key": outlet_key(outlet), "domain": outlet.strip().lower()}).fetchall()
            if not found:
                names = [n for (n,) in con.execute("select name from sources order by name").fetchall()]
                _fail(f"--outlet {outlet!r}: no outlet has that name or alias; the outlets are: "
                      + ", ".join(names))
            source_ids = [source_id for source_id, _ in found]
        since_at = None
        if since is not None:
            (as_of,) = con.execute("select as_of from analytics.as_of").fetchone()
            try:
                since_at = parse_since(since, as_of or clock.now())
            except ValueError as exc:
                _fail(str(exc))
        params = {"query": parsed.ranked, "limit": limit, "source_ids": source_ids, "since": since_at,
                  "phrases": list(parsed.phrases), "excluded": list(parsed.excluded)}
        return con.execute(sql_text("read/search_articles.sql"), params).pl()

    frame = _read_published(warehouse, read, "search")
    if output is OutputFormat.table and out is None:
        _print_search_results(frame, parsed.terms)
    else:
        _show(_with_snippets(frame, parsed.terms, ("", "")), output, out)


def _with_snippets(frame, terms: tuple[str, ...], mark: tuple[str, str]):
    """Search results with the passage that matched (`snippet`) in place of the whole body."""
    import polars as pl

    from transforms.search_query import snippet

    snippets = [snippet(body, terms, mark=mark) for body in frame["body"].to_list()]
    return frame.with_columns(pl.Series("snippet", snippets, dtype=pl.String)).drop("body")


def _print_search_results(frame, terms: tuple[str, ...]) -> None:
    """Each result with its outlet, time (UTC), story and copies, and its matching passage: the matches in
    bold on a terminal, between « » otherwise."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(soft_wrap=not sys.stdout.isatty())
    if frame.height == 0:
        console.print("no article matches")
        return
    bold = console.is_terminal
    rows = _with_snippets(frame, terms, ("\x00", "\x01"))
    for n, row in enumerate(rows.iter_rows(named=True), 1):
        copies = f", {row['copies']} copies" if row["copies"] else ""
        console.print(f"[bold]{n}. {escape(row['title'] or '(no title)')}[/bold]" if bold
                      else f"{n}. {row['title'] or '(no title)'}", markup=bold, highlight=False)
        meta = (f"   {row['outlet']} | {row['published_at']:%Y-%m-%d %H:%M} UTC | score {row['score']} | "
                f"story {row['story_id'] or '-'}{copies}")
        console.print(escape(meta) if bold else meta, markup=bold, highlight=False)
        text = escape(row["snippet"]) if bold else row["snippet"]
        text = text.replace("\x00", "[bold yellow]" if bold else "«").replace("\x01", "[/]" if bold else "»")
        console.print(f"   {text}", markup=bold, highlight=False)
        console.print(f"   {row['url']}", markup=False, highlight=False)


def _refuse_warehouse_output(out: Path | None, warehouse: Path | None,
                             replaces_folder: bool = False) -> None:
    """A command's output must never overwrite a warehouse file (the snapshot, the writer's file, their
    write-ahead logs) or anything in the raw store: refused, exit code 2."""
    if out is not None and (conflict := output_conflict(out, Settings.from_env(warehouse_path=warehouse),
                                                        replaces_folder)):
        _fail(f"refusing to write there: {conflict}")


def _read_published(warehouse: Path | None, read, what: str, allowed_directories: tuple[Path, ...] = (),
                    user_statements: bool = False):
    """`read(con)` on a read-only connection to the published warehouse (the one place the CLI opens it):
    the fts extension loaded, then no statement may attach, write or read a file beyond
    `allowed_directories` (store.connect_reader); a lock or a DuckDB error is a clear message."""
    import duckdb

    from store import LockedError, connect_reader
    from store.lake import LakeError

    path = _published(warehouse)
    try:
        with connect_reader(path, wait_seconds=10.0, allowed_directories=allowed_directories,
                            user_statements=user_statements) as con:
            return read(con)
    except LockedError as exc:
        _fail(str(exc), code=3)
    except LakeError as exc:
        _fail(str(exc))
    except duckdb.Error as exc:
        _fail(f"{what} failed: {exc}")


def _show(frame, output: OutputFormat, out: Path | None) -> None:
    """A result not already shown as a table: written as CSV (the table format to a file), JSON or
    Parquet."""
    if frame is not None:
        _write_frame(frame, OutputFormat.csv if output is OutputFormat.table else output, out)


@app.command()
def export(
    target: Path = typer.Argument(..., help="folder to write the Parquet files into"),
    since: datetime | None = typer.Option(None, "--since", help="only rows of articles published since"),
    table: list[str] | None = typer.Option(None, "--table", "-t", help="only this table (repeatable)"),
    warehouse: Path | None = WAREHOUSE_READ_OPTION,
) -> None:
    """Write the warehouse as Parquet: one folder per table, articles, their entities and the fetch log
    partitioned by UTC day (Hive style, e.g. articles/published_date=2026-11-28/data_0.parquet)."""
    from newsetl.export import export_files, export_tables

    try:
        files = export_files(table or None)
    except ValueError as exc:
        _fail(str(exc))
    _refuse_warehouse_output(target, warehouse)
    for file in files:  # each table's folder is replaced as a whole
        _refuse_warehouse_output(target / file.stem, warehouse, replaces_folder=True)
    _published(warehouse)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"export failed: {exc}")

    def write(con):
        try:
            return export_tables(con, target, since, files)
        except (ValueError, OSError) as exc:
            _fail(f"export failed: {exc}")

    exported = _read_published(warehouse, write, "export", allowed_directories=(target,))
    for t in exported:
        layout = f"partitioned by {t.partition_by}" if t.partition_by else "one file"
        typer.echo(f"{t.table:<18} {t.rows:>10,} rows  {t.files:>5} file(s)  {layout}")
    typer.echo(f"written to {target}")


@app.command()
def schema() -> None:
    """Print the warehouse schema (tables, views, columns and their comments) as Markdown; it is kept in
    docs/schema.md: newsetl schema > docs/schema.md."""
    from newsetl.schema_docs import generated_schema_markdown

    sys.stdout.write(generated_schema_markdown())


@app.command()
def serve(
    deployment: list[str] | None = typer.Option(None, "--deployment", "-d",
                                                help="serve only this deployment (repeatable)"),
    prefect_yaml: Path = typer.Option(PROJECT_ROOT / "prefect.yaml", help="deployments file"),
    interval: float | None = typer.Option(None, help="run every N seconds instead of the cron schedules"),
    warehouse: Path | None = WAREHOUSE_OPTION,
    port: int = typer.Option(4200, help="port of the local Prefect server (and its UI)"),
) -> None:
    """Run the ingest flow on the schedules of prefect.yaml until stopped (Ctrl-C). Starts a local Prefect
    server (UI at http://127.0.0.1:4200) unless one is already running, and stops it at the end."""
    import signal

    from newsetl.serve import (
        ServeError,
        announced,
        drain_prefect_workers,
        prefect_server,
        read_deployments,
        select_deployments,
    )

    try:
        specs = select_deployments(read_deployments(prefect_yaml), deployment)
        for spec in specs:
            if spec.parameters.get("sources_file"):
                load_sources(spec.parameters["sources_file"])
    except (ServeError, ConfigError) as exc:
        _fail(str(exc))

    def stop(signum, frame):  # SIGTERM stops serving like Ctrl-C: runs are cancelled, the server stopped
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    prefect_home = Path(os.environ["PREFECT_HOME"])
    try:
        with prefect_server(prefect_home, port) as api_url, announced(prefect_home, api_url):
            os.environ["PREFECT_API_URL"] = api_url  # before Prefect reads its settings, and for flow runs
            from prefect import serve as prefect_serve
            from prefect.settings import PREFECT_API_URL, temporary_settings

            from newsetl.serve import runner_deployments

            typer.echo(f"Prefect UI: {api_url.removesuffix('/api')} (runs, logs, schedules)")
            with temporary_settings({PREFECT_API_URL: api_url}):
                try:
                    deployments = runner_deployments(specs, interval, warehouse)
                    prefect_serve(*deployments, print_starting_message=False)
                finally:
                    drain_prefect_workers()  # while the server still answers, not at interpreter exit
    except ServeError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        pass
    typer.echo("stopped serving")


@app.command()
def worker(
    limit: int = typer.Option(1, help="shards run at once by this worker (one per core it may use)"),
) -> None:
    """Run the shards of `newsetl run` (fetch, land and parse a batch of feeds and their pages) for runs
    with NEWSETL_EXECUTOR=prefect, on this or any machine: a Prefect background task worker, taking shards
    from the Prefect server at PREFECT_API_URL (or the one `newsetl serve` runs here) until stopped."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    from newsetl.serve import ServeError, configured_server

    try:
        Settings.from_env()
        api_url = configured_server(Path(os.environ["PREFECT_HOME"]), get_current_settings().api.url)
    except (ConfigError, ServeError) as exc:
        _fail(str(exc))
    if api_url is None:
        _fail("a worker takes its shards from a Prefect server: set PREFECT_API_URL to the server the runs "
              "report to (e.g. http://host:4200/api), or run `newsetl serve` here")
    from flows.executors import serve_shards
    from flows.ingest import read_shard_task

    typer.echo(f"newsetl worker: taking shards from {api_url} ({limit} at a time); Ctrl-C stops it")
    with temporary_settings({PREFECT_API_URL: api_url}), contextlib.suppress(KeyboardInterrupt):
        serve_shards(read_shard_task, limit)


entities_app = typer.Typer(
    no_args_is_help=True,
    help="Entities: list and show them; merge, split, retype and ignore them (kept across runs).")
app.add_typer(entities_app, name="entities")
app.add_typer(warehouse_app, name="warehouse")

from newsetl.sources_cli import sources_app  # noqa: E402 - beside its registration

app.add_typer(sources_app, name="sources")

from newsetl.dashboard_cli import dashboard  # noqa: E402 - beside its registration

app.command()(dashboard)


def _curate(action, warehouse: Path | None) -> None:
    """Apply a curation to the writer's file and publish it at once (readers see it now, not at the next
    run)."""
    from flows.run_lock import ingest_lock
    from newsetl.curation import CurationError
    from store import LockedError, connect_writer, publish

    settings = Settings.from_env(warehouse_path=warehouse)
    path = settings.target
    if isinstance(path, Path) and not path.exists():
        _fail(f"no warehouse at {path}: run `newsetl run` (or `make run`) first")
    # on a lake the merge lock keeps a curation from racing a run's merge (the embedded file's own lock
    # does that for it)
    lock = ingest_lock(settings, 60.0) if settings.lake_catalog else contextlib.nullcontext()
    try:
        with lock, connect_writer(path) as con:
            typer.echo(action(con))
            publish(con, path)
    except CurationError as exc:
        _fail(str(exc))
    except LockedError as exc:
        _fail(str(exc), code=3)


@entities_app.command("merge")
def entities_merge(
    canonical: str = typer.Argument(..., help="the entity to keep (its name or an alias)"),
    others: list[str] = typer.Argument(..., help="entities to merge into it"),
    entity_type: str | None = typer.Option(None, "--type", "-t", help="person, organisation, place, ..."),
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
) -> None:
    """Merge entities into one, e.g. newsetl entities merge "Sergey Lavrov" "Sergei Lavrov"."""
    from newsetl.curation import merge

    _curate(lambda con: merge(con, canonical, others, entity_type), warehouse)


@entities_app.command("split")
def entities_split(
    name: str = typer.Argument(..., help="the entity (its name or an alias)"),
    other: str = typer.Argument(..., help="the name to keep apart from it"),
    entity_type: str | None = typer.Option(None, "--type", "-t", help="person, organisation, place, ..."),
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
) -> None:
    """Keep a name apart from an entity it was merged into, e.g. newsetl entities split "Michael Jordan"
    Jordan."""
    from newsetl.curation import split

    _curate(lambda con: split(con, name, other, entity_type), warehouse)


@entities_app.command("retype")
def entities_retype(
    name: str = typer.Argument(..., help="the entity (its name or an alias)"),
    new_type: str = typer.Argument(..., metavar="TYPE",
                                   help="person, organisation, place, group, event, product"),
    entity_type: str | None = typer.Option(None, "--type", "-t",
                                           help="its type now, where the name has several"),
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
) -> None:
    """Give an entity another type, now and in every later run, e.g. newsetl entities retype Ofgem
    organisation."""
    from newsetl.curation import retype

    _curate(lambda con: retype(con, name, new_type, entity_type), warehouse)


@entities_app.command("ignore")
def entities_ignore(
    name: str = typer.Argument(..., help="the entity (its name or an alias)"),
    entity_type: str | None = typer.Option(None, "--type", "-t", help="its type, where the name has several"),
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
) -> None:
    """No entity at all (a word NER took for a name): removed now and dropped by every later run, e.g.
    newsetl entities ignore Turnout."""
    from newsetl.curation import ignore

    _curate(lambda con: ignore(con, name, entity_type), warehouse)


@entities_app.command("list")
def entities_list(
    entity_type: str | None = typer.Option(None, "--type", "-t", help="person, organisation, place, ..."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="how many"),
    warehouse: Path | None = WAREHOUSE_READ_OPTION,
) -> None:
    """Entities with their type, articles and mentions, most articles first."""
    from store import sql_text

    frame = _read_published(warehouse, lambda con: con.execute(
        sql_text("read/entity_list.sql"), {"entity_type": entity_type, "limit": limit}).pl(), "entities list")
    _write_frame(frame, OutputFormat.csv, None)


@entities_app.command("show")
def entities_show(
    name: str = typer.Argument(..., help="an entity's name or one of its aliases (any case)"),
    warehouse: Path | None = WAREHOUSE_READ_OPTION,
) -> None:
    """Every entity with that name or alias: type, id, articles, mentions and aliases."""
    from store import sql_text

    frame = _read_published(warehouse, lambda con: con.execute(
        sql_text("read/entity_show.sql"), {"name": name}).pl(), "entities show")
    if frame.is_empty():
        _fail(f"no entity named {name!r}")
    _write_frame(frame, OutputFormat.csv, None)


def main() -> None:
    """The `newsetl` console script: the commands above, then an exit that skips the interpreter's teardown.
    - The garbage collector's last passes: at exit Python collects the whole heap several times while it
      unloads the modules (0.45-0.6 s after a `newsetl run`, a sixth of a re-poll with nothing new); frozen,
      the objects are left out of those passes.
    - The unloading itself (Prefect's, polars', DuckDB's and pyarrow's modules: 35-50 ms of a 2 s re-poll):
      once every atexit handler has run (Prefect's log and event flushing among them) and the log handlers
      and standard streams are flushed, the process ends with the command's exit status (`exit_at_last`).
      An exception other than SystemExit (a traceback, Ctrl-C) leaves the exit to the interpreter."""
    status: list[int] = []
    atexit.register(exit_at_last, status)  # before any of Prefect's: atexit runs them last-in, first-out
    try:
        app()
        status.append(0)
    except SystemExit as done:
        status.append(exit_status(done.code))
        raise
    finally:
        gc.freeze()


def exit_status(code: object) -> int:
    """The process's exit status for SystemExit(code), as the interpreter gives it: None 0, an int itself,
    anything else (a message, printed to stderr) 1."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def exit_at_last(status: list[int]) -> None:
    """The last atexit handler of a `newsetl` process whose command ended (status: its exit status): flush
    the log handlers and standard streams, then end the process without unloading its modules."""
    if not status:
        return  # an uncaught exception: the interpreter's own exit
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status[0])


if __name__ == "__main__":
    main()
