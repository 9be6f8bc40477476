"""`newsetl sources`: list the configured sources with their health, and `newsetl sources add URL` to find a
site's feed and append it to the sources file.

`add` fetches with fetch.http (the project's session, retries, politeness and size cap); what the bodies
mean is decided by transforms/discover.py. The sources file is appended to, never rewritten: the new text
is the old bytes plus one `[[sources]]` entry, validated with load_sources in a temporary file beside it,
which then replaces it. Errors exit 2 and name the URL and the reason.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import polars as pl
import typer
from click.core import ParameterSource

from newsetl.config import ROOT_SOURCES, ConfigError, Settings, load_sources
from transforms.discover import (
    candidate_urls,
    feed_links,
    feed_title,
    page_site_name,
    page_title,
    sniff_kind,
    source_name,
    unique_name,
)

sources_app = typer.Typer(invoke_without_command=True,
                          help="List the sources with their health; add one from a site's URL.")

SOURCES_HELP = "sources file (TOML)"
WAREHOUSE_HELP = "DuckDB file (default: warehouse/news.duckdb)"
NEVER_POLLED = "never polled"
MIN_LISTING_CARDS = 3  # fewer cards than this is not a listing page worth polling


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


# --- add --------------------------------------------------------------------------------------------------

class DiscoveryError(RuntimeError):
    """No feed could be added from a URL; the message says why."""


@dataclass(frozen=True)
class Found:
    url: str                  # the feed's URL, as it goes into the sources file
    kind: str                 # rss | atom | jsonfeed, from the body
    body: bytes               # the feed body
    how: str                  # how it was found, for the user and the entry's comment
    page: bytes | None = None  # the HTML page it was discovered from, if any
    cards: pl.DataFrame | None = None  # a listing page's cards (transforms.listing), kind "listing"


def _normalise_url(url: str) -> str:
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise DiscoveryError(f"{url}: not an http(s) URL")
    return url


def _public(url: str) -> bool:
    from fetch.politeness import forbidden_address

    return forbidden_address(url) is None


def _as_listing(url: str, page) -> Found | None:
    """The page itself as a listing source, if the detection finds at least MIN_LISTING_CARDS cards."""
    from transforms.listing import parse_listing_page

    cards = parse_listing_page(page.body, page.final_url, content_type=page.content_type)
    if cards.height < MIN_LISTING_CARDS:
        return None
    return Found(url=url, kind="listing", body=page.body, page=page.body, cards=cards,
                 how=f"the page lists {cards.height} article cards")


def discover(url: str, settings: Settings, listing: bool = False) -> Found:
    """The feed at `url`: the URL itself if its body is a feed; else the first feed the page announces
    (<link rel="alternate">) whose body is a feed; else the first common path (/feed, /rss.xml, ...) that
    answers with a feed; else the page itself as a listing, if it has article cards. With `listing`, the
    page is read as a listing first. Raises DiscoveryError naming the URL and why."""
    from fetch.http import fetch, make_session
    from fetch.politeness import Reach

    session = make_session(settings)
    try:
        page = fetch(session, url, settings)
        if not page.ok:
            raise DiscoveryError(f"{url}: {page.error or page.outcome}")
        if listing:
            if found := _as_listing(url, page):
                return found
            raise DiscoveryError(f"{url}: not a listing page: fewer than {MIN_LISTING_CARDS} article cards "
                                 "found on it")
        kind = sniff_kind(page.body)
        if kind:
            return Found(url=url, kind=kind, body=page.body, how="the URL is a feed")

        tried: list[str] = []
        links = feed_links(page.body, page.final_url)
        # A public page may not send us into a private network (a link to 169.254.169.254, say).
        guard = _public(page.final_url)
        found_in_page = Reach(allow_private=not guard)  # a link is data: its redirects and peer are checked
        for link_url, _title, _declared in links:
            if guard and not _public(link_url):
                tried.append(f"{link_url} (refused: private address)")
                continue
            result = fetch(session, link_url, settings, reach=found_in_page)
            kind = sniff_kind(result.body) if result.ok else None
            if kind:
                return Found(url=link_url, kind=kind, body=result.body, page=page.body,
                             how=f'<link rel="alternate"> on {page.final_url}')
            tried.append(f"{link_url} ({result.error or 'not a feed'})")

        for candidate in candidate_urls(page.final_url):
            result = fetch(session, candidate, settings)
            kind = sniff_kind(result.body) if result.ok else None
            if kind:
                return Found(url=candidate, kind=kind, body=result.body, page=page.body,
                             how=f"common feed path {urlsplit(candidate).path}")
    finally:
        session.close()
    if found := _as_listing(url, page):
        return found
    announced = (f"the feeds it announces are not feeds: {'; '.join(tried)}" if tried
                 else 'the page announces no feed with <link rel="alternate">')
    paths = ", ".join(urlsplit(c).path for c in candidate_urls(page.final_url)[:4])
    raise DiscoveryError(f"{url}: no feed found: the page is not a feed; {announced}; none of the common "
                         f"feed paths ({paths}, ...) answered with one; and it lists no article cards")


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for char in value:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def render_entry(*, name: str, kind: str, url: str, outlet: str | None, group: str, follow_links: bool,
                 comment: str | None = None, newline: str = "\n") -> str:
    """One [[sources]] entry; no `outlet` line when there is none (a listing's cards name their own)."""
    lines = [f"# {' '.join(comment.split())}"] if comment else []
    lines += ["[[sources]]", f"name = {toml_string(name)}", f"kind = {toml_string(kind)}",
              f"url = {toml_string(url)}", *([f"outlet = {toml_string(outlet)}"] if outlet else []),
              f"group = {toml_string(group)}", f"follow_links = {'true' if follow_links else 'false'}"]
    return newline.join(lines) + newline


def listing_preview(cards: pl.DataFrame, rows: int = 5) -> str:
    """What a listing page gives: how many cards, how many have each field, and the first `rows` cards."""
    from transforms.listing import cards_warning

    total = cards.height
    filled = ", ".join(f"{label} {total - cards[column].null_count()}/{total}" for label, column in (
        ("link", "item_url"), ("title", "title"), ("outlet", "outlet_name"), ("time", "time_text"),
        ("text", "text")))
    lines = [f"{total} cards found; fields per card: {filled}"]
    if warning := cards_warning(cards):
        lines.append(f"warning: {warning}")
    lines.append(f"the first {min(rows, total)}:")
    for card in cards.head(rows).iter_rows(named=True):
        lines.append(f"  - {card['title'] or '(no title)'}")
        lines.append(f"    {card['outlet_name'] or '(no outlet)'} | {card['time_text'] or '(no time)'} | "
                     f"{card['item_url']}")
    return "\n".join(lines)


def _read_existing(path: Path) -> tuple[bytes, dict]:
    """The sources file's bytes and its TOML (empty for a file not there yet)."""
    if not path.exists():
        return b"", {}
    original = path.read_bytes()
    try:
        data = tomllib.loads(original.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    if data.get("sources"):
        load_sources(path)  # an invalid entry is reported now, before anything is fetched
    return original, data


def _appended(original: bytes, entry: str) -> bytes:
    newline = b"\r\n" if b"\r\n" in original else b"\n"
    if not original.strip():
        return original + entry.encode("utf-8")
    text = original if original.endswith(newline) or original.endswith(b"\n") else original + newline
    return text + newline + entry.encode("utf-8")


def _validate(text: bytes, shown_as: Path, directory: Path) -> Path:
    """Write `text` to a temporary file in `directory` and validate it; the file's path (the caller
    removes or renames it). A ConfigError names `shown_as`, not the temporary file."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{shown_as.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(text)
    try:
        load_sources(tmp)
    except ConfigError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ConfigError(str(exc).replace(str(Path(tmp).resolve()), str(shown_as))) from exc
    return Path(tmp)


@sources_app.command("add")
def add(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="a feed URL, or a site/page URL to find the feed of"),
    name: str | None = typer.Option(None, "--name", "-n",
                                    help="source name (default: from the host, made unique)"),
    outlet: str | None = typer.Option(None, "--outlet", "-o",
                                      help="the outlet (default: the site's or the feed's title)"),
    group: str = typer.Option("default", "--group", "-g", help="schedule group"),
    follow_links: bool = typer.Option(True, "--follow-links/--no-follow-links",
                                      help="fetch each item's article page for its full text"),
    sources: Path | None = typer.Option(None, "--sources", "-s", help=SOURCES_HELP),
    dry_run: bool = typer.Option(False, "--dry-run", help="print the entry, write nothing"),
    listing: bool = typer.Option(False, "--listing", help="read the page itself as a listing of article "
                                 "cards, even if it has a feed"),
) -> None:
    """Find the feed of a site and append it to the sources file.

    The feed is the URL itself if it is one, else a <link rel="alternate"> feed of the page, else the first
    common path (/feed, /rss, /rss.xml, ...) that answers with a feed, else the page itself as a listing of
    article cards (an aggregator, a section front): then the cards found are shown before the entry."""
    sources_path = (sources or (ctx.obj or {}).get("sources") or ROOT_SOURCES).resolve()
    try:
        url = _normalise_url(url)
    except DiscoveryError as exc:
        _fail(f"cannot add {exc}")
    try:
        settings = Settings.from_env()
        original, data = _read_existing(sources_path)
    except ConfigError as exc:
        _fail(f"cannot add {url}: {exc}")
    entries = [e for e in data.get("sources", []) if isinstance(e, dict)]
    taken = {str(e.get("name")) for e in entries if e.get("name")}
    known = {str(e.get("url")): str(e.get("name")) for e in entries if e.get("url")}
    if name is not None:
        name = name.strip()
        if not name:
            _fail(f"cannot add {url}: --name must not be empty")
        if name in taken:
            _fail(f"cannot add {url}: a source named {name!r} is already in {sources_path}")
    if url in known:
        _fail(f"cannot add {url}: already in {sources_path} as {known[url]!r}")
    if not group.strip():
        _fail(f"cannot add {url}: --group must not be empty")

    try:
        found = discover(url, settings, listing=listing)
    except DiscoveryError as exc:
        _fail(f"cannot add {exc}")
    if found.url in known:
        _fail(f"cannot add {url}: its feed {found.url} is already in {sources_path} as {known[found.url]!r}")

    host = urlsplit(url).hostname or ""
    given_outlet = " ".join(outlet.split()) if outlet and outlet.strip() else None
    outlet_name = given_outlet if found.kind == "listing" else given_outlet \
        or (page_site_name(found.page) if found.page else None) \
        or feed_title(found.body, found.kind) \
        or (page_title(found.page) if found.page else None) \
        or host
    entry = render_entry(name=name or unique_name(source_name(url), taken), kind=found.kind, url=found.url,
                         outlet=outlet_name, group=group.strip(), follow_links=follow_links,
                         comment=f"added by `newsetl sources add {url}`: {found.how}",
                         newline="\r\n" if b"\r\n" in original else "\n")
    text = _appended(original, entry)

    try:
        if dry_run:
            with tempfile.TemporaryDirectory(prefix="newsetl-sources-") as scratch:
                _validate(text, sources_path, Path(scratch))
        else:
            if not sources_path.parent.is_dir():
                raise ConfigError(f"{sources_path.parent}: no such directory")
            tmp = _validate(text, sources_path, sources_path.parent)
            if sources_path.exists():
                shutil.copymode(sources_path, tmp)
            else:
                tmp.chmod(0o644)
            os.replace(tmp, sources_path)
    except ConfigError as exc:
        _fail(f"cannot add {url}: the sources file would not be valid: {exc}")
    except OSError as exc:
        _fail(f"cannot add {url}: cannot write {sources_path}: {exc}")

    verb = "would add" if dry_run else "added"
    if found.cards is not None:
        typer.echo(listing_preview(found.cards) + "\n")
    typer.echo(f"{verb} {found.kind} {'page' if found.kind == 'listing' else 'feed'} {found.url} "
               f"({found.how}) to {sources_path}"
               + (" (dry run: nothing written)" if dry_run else "") + ":\n")
    typer.echo(entry.replace("\r\n", "\n"), nl=False)
    if follow_links and not _public(found.url):
        typer.secho(f"note: {urlsplit(found.url).hostname} is a private address: article pages there are "
                    "fetched only with allow_private_hosts = true in the entry", fg=typer.colors.YELLOW)


# --- remove -----------------------------------------------------------------------------------------------

def _table_spans(lines: list[bytes]) -> list[tuple[int, int]]:
    """(start, end) line indices of each TOML table or array-of-tables block: from its header to the line
    before the next header, less the comment lines directly above that next header (they belong to it)."""
    headers = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"[")]
    spans = []
    for n, start in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(lines)
        while end - 1 > start and lines[end - 1].lstrip().startswith(b"#") and n + 1 < len(headers):
            end -= 1
        spans.append((start, end))
    return spans


def without_source(original: bytes, name: str) -> bytes | None:
    """The sources file's bytes with the [[sources]] entry named `name` taken out (and the comment lines
    directly above it), every other byte kept; None if no entry has that name."""
    lines = original.splitlines(keepends=True)
    for start, end in _table_spans(lines):
        block = b"".join(lines[start:end])
        if not block.lstrip().startswith(b"[[sources]]"):
            continue
        try:
            entries = tomllib.loads(block.decode("utf-8")).get("sources", [])
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if entries and entries[0].get("name") == name:
            while start > 0 and lines[start - 1].lstrip().startswith(b"#"):
                start -= 1
            return b"".join(lines[:start] + lines[end:])
    return None


@sources_app.command("remove")
def remove(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="the source's name in the sources file"),
    sources: Path | None = typer.Option(None, "--sources", "-s", help=SOURCES_HELP),
    dry_run: bool = typer.Option(False, "--dry-run", help="say what would be removed, write nothing"),
) -> None:
    """Take a source out of the sources file (every other line kept as it is). Its articles, entities and
    fetch history stay in the warehouse; later runs no longer poll it."""
    sources_path = (sources or (ctx.obj or {}).get("sources") or ROOT_SOURCES).resolve()
    try:
        original, data = _read_existing(sources_path)
    except ConfigError as exc:
        _fail(f"cannot remove {name!r}: {exc}")
    text = without_source(original, name)
    if text is None:
        names = [str(e.get("name")) for e in data.get("sources", []) if isinstance(e, dict)]
        _fail(f"cannot remove {name!r}: no source of that name in {sources_path}; the sources are: "
              f"{', '.join(names) or '(none)'}")
    if dry_run:
        typer.echo(f"would remove source {name!r} from {sources_path} (dry run: nothing written)")
        return
    try:
        tmp = _validate(text, sources_path, sources_path.parent)
        shutil.copymode(sources_path, tmp)
        os.replace(tmp, sources_path)
    except ConfigError as exc:
        _fail(f"cannot remove {name!r}: the sources file would not be valid: {exc}")
    except OSError as exc:
        _fail(f"cannot remove {name!r}: cannot write {sources_path}: {exc}")
    typer.echo(f"removed source {name!r} from {sources_path}; its articles stay in the warehouse")


# --- list -------------------------------------------------------------------------------------------------

def _health(path) -> tuple[dict[str, dict], str | None]:
    """feed_id -> its health row, read-only, and a note when the warehouse cannot tell. `path`: the
    published file, or a lake (store/lake.py)."""
    import duckdb

    from store import LockedError, connect_reader, row_dicts
    from store.lake import LakeError

    published = path if isinstance(path, Path) else path.search_file
    if not published.exists():
        return {}, f"no warehouse at {published}: no source has been polled into it"
    try:
        with connect_reader(path, wait_seconds=5.0, extensions=()) as con:  # reads health only
            rows = row_dicts(con, "read/source_health.sql")
    except LockedError:
        return {}, f"{path} is locked by another process (a run?): health not shown"
    except (duckdb.Error, LakeError) as exc:
        return {}, f"cannot read health from {path}: {exc}"
    return {row["feed_id"]: row for row in rows}, None


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "-"


def _show(value) -> str:
    return "-" if value is None else str(value)


def list_sources(sources: Path, warehouse: Path | None) -> None:
    from rich.table import Table

    from newsetl.output import output_console

    try:
        config = load_sources(sources)
        target = Settings.from_env(warehouse_path=warehouse).target
    except ConfigError as exc:
        _fail(str(exc))
    health, note = _health(target)

    table = Table(title=f"{len(config.feeds)} source(s) in {config.path}", title_justify="left")
    for column, justify in (("name", "left"), ("kind", "left"), ("group", "left"), ("url", "left"),
                            ("last outcome", "left"), ("status", "right"), ("error streak", "right"),
                            ("last success (UTC)", "left"), ("items last run", "right"),
                            ("median ms", "right")):
        table.add_column(column, justify=justify, overflow="fold")
    for source in config.feeds:
        row = health.get(source.feed_id)
        if row is None:
            cells = [f"[dim]{NEVER_POLLED}[/dim]", "", "", "", "", ""]
        else:
            outcome = row["last_outcome"] or "-"
            style = "green" if outcome in ("ok", "not_modified") else "red"
            latency = row["median_latency_ms"]
            cells = [f"[{style}]{outcome}[/{style}]", _show(row["last_status_code"]),
                     _show(row["error_streak"]), _when(row["last_success_at"]), _show(row["items_last_run"]),
                     "-" if latency is None else f"{latency:.0f}"]
        table.add_row(source.name, source.kind, source.group, source.url, *cells)
    console = output_console()
    console.print(table)
    if note:
        console.print(f"[dim]{note}[/dim]", markup=True, highlight=False)


@sources_app.callback()
def sources_main(
    ctx: typer.Context,
    sources: Path = typer.Option(ROOT_SOURCES, "--sources", "-s", help=SOURCES_HELP),
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP),
) -> None:
    """List every configured source with its kind, group, URL and health from the warehouse (last
    outcome, status, error streak, last success, items last run, median latency)."""
    given = ctx.get_parameter_source("sources") is not ParameterSource.DEFAULT
    ctx.obj = {"sources": sources if given else None}  # `sources -s FILE add URL` adds to FILE
    if ctx.invoked_subcommand is None:
        list_sources(sources, warehouse)


@sources_app.command("list")
def list_command(
    sources: Path = typer.Option(ROOT_SOURCES, "--sources", "-s", help=SOURCES_HELP),
    warehouse: Path | None = typer.Option(None, "--warehouse", "-w", help=WAREHOUSE_HELP),
) -> None:
    """The same table as `newsetl sources`."""
    list_sources(sources, warehouse)
