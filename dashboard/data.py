"""The dashboard's reads: every query is a file in dashboard/sql/ that selects from the analytics views (or,
for what no view answers, such as full-text search, from the tables), run with bound parameters on a
short-lived read-only connection to the published warehouse.

The warehouse file is a read snapshot that the pipeline replaces atomically (os.replace) after each run, so
a connection kept open would pin an old snapshot forever. A `Reader` is made per page render: it looks at
the file's identity (device, inode, size, mtime) when the render starts and reads the `Snapshot` of that
file: a private read-only DuckDB instance kept while the file is unchanged (its buffer cache stays warm),
with the results of the queries already run on it. A new file is a new Snapshot, so nothing stale is shown
after a publish, and an unchanged warehouse is not queried twice for the same thing.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from newsetl.config import Settings
from store.lake import LakeError

SQL_DIR = Path(__file__).resolve().parent / "sql"
log = logging.getLogger(__name__)
RESULTS_KEPT = 256              # query results kept per snapshot (the least recently used go first)
NO_WAREHOUSE = "no warehouse yet: run `newsetl run` (or `make run`) to build it"


class WarehouseUnavailable(RuntimeError):
    """The warehouse is missing, empty or unreadable; the message says what to do."""


def warehouse_path() -> Path:
    """Where the published warehouse is: NEWSETL_WAREHOUSE_PATH (set by `newsetl dashboard --warehouse`),
    else the project default; for a lake (NEWSETL_WAREHOUSE), its published search file, which names the
    lake snapshot to read and is replaced (like the embedded file) when a run publishes."""
    target = Settings.from_env().target
    return target if isinstance(target, Path) else target.search_file


def lake_published_at(path: Path):
    """The lake (NEWSETL_WAREHOUSE) whose published search file is `path`, or None: `path` is a file."""
    target = Settings.from_env().target
    if not isinstance(target, Path) and target.search_file.resolve() == path.resolve():
        return target
    return None


@functools.cache
def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def file_identity(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when the snapshot is replaced (device, inode, size, mtime), or None if it is missing."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching `text` anywhere, its own wildcards taken literally (escape '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")


def md_escape(text: object) -> str:
    """Text safe to place inside Streamlit markdown (headers, captions, labels): every ASCII punctuation
    character that markdown, Streamlit's directives (`:red[...]`, `:emoji:`, `$math$`) or HTML could read
    is backslash-escaped, and line breaks become spaces, so web text is shown literally."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def safe_url(url: object) -> str | None:
    """Only http(s) URLs are shown as links (a `javascript:` or `data:` URL from a feed is dropped)."""
    if isinstance(url, str) and re.match(r"(?i)^https?://", url.strip()):
        return url.strip()
    return None


def safe_links(frame: pl.DataFrame, *columns: str) -> pl.DataFrame:
    """`frame` with the URL `columns` keeping only http(s) URLs."""
    return frame.with_columns(
        pl.when(pl.col(c).str.strip_chars().str.contains(r"(?i)^https?://"))
        .then(pl.col(c).str.strip_chars()).otherwise(None).alias(c)
        for c in columns if c in frame.columns)


@dataclass(frozen=True)
class Status:
    """What the warehouse holds: `ok` False with `message` when there is nothing to show."""

    ok: bool
    message: str
    articles: int = 0
    search_index: bool = False


def _sql_string(text: str) -> str:
    """A single-quoted SQL string literal (ATTACH takes no bound parameters; used for the configured local
    path only, never for web data)."""
    return "'" + text.replace("'", "''") + "'"


class Snapshot:
    """One published warehouse file, opened read-only: a private in-memory DuckDB instance with the file
    attached (catalog `warehouse`), the fts extension loaded, then external access closed and the
    configuration locked (no statement can attach, read or write a file), kept while the file is unchanged
    so that its buffer cache stays warm, plus the results of the queries run on it. When the path names a
    new file (another inode, size or mtime) a new Snapshot is opened; the old one lives on only until the
    renders using it finish.

    A private instance per snapshot, not duckdb.connect(path): DuckDB shares one instance per path within
    a process, so a connection opened after a publish could be handed the old file's instance."""

    def __init__(self, path: Path, identity: tuple, memory_limit: str) -> None:
        from store import close_external_access

        self.path = path
        self.identity = identity
        self.con = duckdb.connect(config={"memory_limit": memory_limit})
        self.lake = lake_published_at(path)
        try:
            if self.lake is not None:  # the lake at the snapshot published with this search file
                from store.lake import attach_published, readable_directories
                attach_published(self.con, self.lake)
                self.fts_loaded, readable = True, readable_directories(self.lake)
            else:
                self.con.execute(f"attach {_sql_string(str(path))} as warehouse (read_only)")
                self.con.execute("use warehouse")
                self.fts_loaded, readable = self._load_fts(), ()
            # no query can attach, read or write a file from now on (but a lake's data files); the dashboard
            # runs only its own queries (parameters bound), so its large ones may still spill to DuckDB's
            # temp directory
            close_external_access(self.con, readable)
        except BaseException:
            self.con.close()
            raise
        self.lock = threading.Lock()
        self.results: OrderedDict[tuple, pl.DataFrame] = OrderedDict()
        self.pending: dict[tuple, threading.Event] = {}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one render (thread), on this snapshot."""
        with self.lock:
            cursor = self.con.cursor()
        if self.lake is not None:
            from store.lake import use_lake
            use_lake(cursor)
        else:
            cursor.execute("use warehouse")
        return cursor

    def _load_fts(self) -> bool:
        """The fts extension (for BM25 search), loaded when the snapshot opens: external access is closed
        right after, and no extension can be loaded then. Without it, search falls back to substrings."""
        from store import load_extension

        try:
            load_extension(self.con, "fts")
        except (RuntimeError, duckdb.Error) as exc:
            log.warning("full-text search unavailable: %s", exc)
            return False
        return True

    def load_fts(self) -> None:
        """BM25 search needs the fts extension, loaded when the snapshot opened (_load_fts)."""
        if not self.fts_loaded:
            raise RuntimeError("the fts extension is not loaded: full-text search is unavailable")

    def cached(self, key: tuple, compute) -> tuple[pl.DataFrame, bool]:
        """The result for `key`, computed once even when several renders ask at the same time. Returns
        (frame, whether it was computed here)."""
        while True:
            with self.lock:
                if key in self.results:
                    self.results.move_to_end(key)
                    return self.results[key], False
                waiting = self.pending.get(key)
                if waiting is None:
                    done = self.pending[key] = threading.Event()
                    break
            waiting.wait()
        try:
            frame = compute()
            with self.lock:
                self.results[key] = frame
                while len(self.results) > RESULTS_KEPT:
                    self.results.popitem(last=False)
            return frame, True
        finally:
            with self.lock:
                del self.pending[key]
            done.set()


_SNAPSHOTS: dict[Path, Snapshot] = {}
_SNAPSHOTS_LOCK = threading.Lock()
_PREWARM: list[Callable[[Path], None]] = []    # run in the background on each newly opened snapshot
_WATCHED: set[Path] = set()


def on_new_snapshot(hook: Callable[[Path], None]) -> None:
    """Run `hook(path)` in a background thread whenever a new snapshot of a warehouse is opened (the
    dashboard runs the queries of its pages' first views, so their results are ready: dashboard/app.py)."""
    if hook not in _PREWARM:
        _PREWARM.append(hook)


def watch(path: Path, interval: float = 5.0) -> None:
    """Look at `path` every `interval` seconds and open a new snapshot as soon as one is published (so the
    hooks run before anyone asks), once per process and path."""
    path = path.resolve()
    with _SNAPSHOTS_LOCK:
        if path in _WATCHED:
            return
        _WATCHED.add(path)

    def loop() -> None:
        while True:
            time.sleep(interval)
            try:
                snapshot(path)
            except WarehouseUnavailable:
                pass
            except Exception as exc:  # noqa: BLE001 - a watcher must not die
                log.warning("watching %s: %s", path, exc)

    threading.Thread(target=loop, name=f"newsetl-watch-{path.name}", daemon=True).start()


def is_current(snap: Snapshot) -> bool:
    with _SNAPSHOTS_LOCK:
        return _SNAPSHOTS.get(snap.path) is snap


def snapshot(path: Path) -> Snapshot:
    """The open Snapshot of the file now at `path` (opened if the file is new or changed)."""
    path = path.resolve()
    for _ in range(3):
        identity = file_identity(path)
        if identity is None:
            raise WarehouseUnavailable(f"{NO_WAREHOUSE} (looked for {md_escape(path)})")
        with _SNAPSHOTS_LOCK:
            current = _SNAPSHOTS.get(path)
            if current is not None and current.identity == identity:
                return current
            try:
                opened = Snapshot(path, identity, os.environ.get("NEWSETL_DASHBOARD_MEMORY", "2GB"))
            except (duckdb.Error, LakeError) as exc:
                raise WarehouseUnavailable(f"cannot open the warehouse {md_escape(path)}: "
                                           f"{md_escape(exc)}") from exc
            if file_identity(path) == identity:  # not replaced while we opened it
                _SNAPSHOTS[path] = opened  # the old one closes when its last render ends
                for hook in _PREWARM:
                    threading.Thread(target=hook, args=(path,), name="newsetl-prewarm", daemon=True).start()
                return opened
            opened.con.close()
    raise WarehouseUnavailable(f"the warehouse {md_escape(path)} keeps changing; try again")


def forget_snapshots() -> None:
    """Drop every open Snapshot (the next render opens the file afresh): for the benchmark's cold case."""
    with _SNAPSHOTS_LOCK:
        _SNAPSHOTS.clear()


class Reader:
    """Read-only access to the published warehouse for one page render: the snapshot the path names when
    the render starts, a cursor of its own opened at the first query that is not cached, closed by
    `close()` (or the `open_reader` context). `cache=False` runs every query (results are not reused);
    NEWSETL_DASHBOARD_CACHE=0 sets that for a server (the benchmark's worst case)."""

    def __init__(self, path: Path | None = None, cache: bool | None = None) -> None:
        self.path = Path(path) if path else warehouse_path()
        self.identity = file_identity(self.path)
        self.cache = cache if cache is not None else os.environ.get("NEWSETL_DASHBOARD_CACHE", "1") != "0"
        self._snapshot: Snapshot | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self.seconds = 0.0          # time spent in queries (not cache hits) during this render
        self.queries = 0

    # --- the connection ---------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            self._snapshot = snapshot(self.path)
            self.identity = self._snapshot.identity
        return self._snapshot

    def current(self) -> bool:
        """Is the snapshot this reader reads still the published one?"""
        return self._snapshot is None or is_current(self._snapshot)

    def connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self.snapshot().cursor()
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._snapshot = None

    # --- queries ----------------------------------------------------------------------------------------

    def frame(self, name: str, **params) -> pl.DataFrame:
        """The result of dashboard/sql/<name>.sql with `params` bound (by name: $param)."""
        if not self.cache:
            return self._run(name, params)
        key = (name, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))
        frame, _ = self.snapshot().cached(key, lambda: self._run(name, params))
        return frame

    def _run(self, name: str, params: dict) -> pl.DataFrame:
        con = self.connection()
        if name.startswith("fts_"):
            self.snapshot().load_fts()
        started = time.perf_counter()
        try:
            frame = con.execute(sql(name), params or None).pl()
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1
        return frame

    def status(self) -> Status:
        """Is there anything to show? A missing file, a file without the analytics views (never loaded)
        or without articles gets a message saying what to do, never a traceback."""
        if self.identity is None:
            return Status(False, f"{NO_WAREHOUSE} (looked for {md_escape(self.path)})")
        try:
            row = self.frame("status").row(0, named=True)
        except WarehouseUnavailable as exc:
            return Status(False, str(exc))
        except duckdb.Error as exc:
            return Status(False, f"cannot read the warehouse {md_escape(self.path)}: {md_escape(exc)}")
        if not row["has_views"]:
            return Status(False, f"{NO_WAREHOUSE} ({md_escape(self.path)} has no analytics views)")
        articles = self.frame("article_count").item()
        if not articles:
            return Status(False, f"no articles yet in {md_escape(self.path)}: run `newsetl run` (and see "
                          "`newsetl sources` if it did)")
        return Status(True, "", articles=articles, search_index=bool(row["has_search_index"]))

    # --- search -----------------------------------------------------------------------------------------

    def search_articles(self, text: str | None, *, has_index: bool, outlets: list[str] | None = None,
                        since: date | None = None, until: date | None = None, entity_id: str | None = None,
                        language: str | None = None, limit: int = 100) -> tuple[pl.DataFrame, str]:
        """Latest articles matching the filters and, when `text` is given, the full-text query: BM25 over
        title and body when the warehouse has its search index (fts_main_articles), else a case-insensitive
        substring match on title and summary. Returns the rows and which method was used."""
        params = {"outlets": list(outlets) if outlets else None, "since": since, "until": until,
                  "entity_id": entity_id, "language": language, "limit": limit}
        text = (text or "").strip()
        if not text:
            return self.frame("latest_articles", pattern=None, **params), "latest"
        if has_index:
            try:
                return self.frame("fts_search_articles", query=text, **params), "bm25"
            except (duckdb.Error, RuntimeError):
                pass  # an index of another version, or the extension missing: fall back to substrings
        return self.frame("latest_articles", pattern=like_pattern(text), **params), "substring"


@contextmanager
def open_reader(path: Path | None = None, cache: bool | None = None) -> Iterator[Reader]:
    reader = Reader(path, cache=cache)
    try:
        yield reader
    finally:
        reader.close()


def snapshot_time(path: Path) -> str:
    """When the snapshot was published (its modification time), in UTC."""
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    except FileNotFoundError:
        return "never"


def stamp(value: datetime | date | None) -> str:
    if value is None:
        return "never"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()
