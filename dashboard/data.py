"""The dashboard's reads: every query is a file in dashboard/sql/ that selects from the analytics views (or,
for what no view answers, such as full-text search, from the tables), run with bound parameters on a
short-lived read-only connection to the published warehouse.

The warehouse file is a read snapshot that the pipeline replaces atomically (os.replace) after each run, so
a connection kept open would pin an old snapshot forever. A `Reader` is made per page render: it opens the
file read-only at its first query and closes it when the render ends. Results are cached (st.cache_data)
under the file's identity (inode, size, mtime): a new snapshot is a new key, so nothing stale is shown after
a publish, and an unchanged warehouse is not queried twice for the same thing.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from newsetl.config import Settings

SQL_DIR = Path(__file__).resolve().parent / "sql"
CACHE_TTL_SECONDS = 600
NO_WAREHOUSE = "no warehouse yet: run `newsetl run` (or `make run`) to build it"


class WarehouseUnavailable(RuntimeError):
    """The warehouse is missing, empty or unreadable; the message says what to do."""


def warehouse_path() -> Path:
    """Where the published warehouse is: NEWSETL_WAREHOUSE_PATH (set by `newsetl dashboard --warehouse`),
    else the project default."""
    return Settings.from_env().warehouse_path


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


class Reader:
    """Read-only access to the published warehouse for one page render. The connection is opened at the
    first query that misses the cache and closed by `close()` (or the `open_reader` context)."""

    def __init__(self, path: Path | None = None, cache: bool | None = None) -> None:
        self.path = Path(path) if path else warehouse_path()
        self.identity = file_identity(self.path)
        self.cache = cache if cache is not None else os.environ.get("NEWSETL_DASHBOARD_CACHE", "1") != "0"
        self._con: duckdb.DuckDBPyConnection | None = None
        self._fts_loaded = False
        self.seconds = 0.0          # time spent in queries (not cache hits) during this render
        self.queries = 0

    # --- the connection ---------------------------------------------------------------------------------

    def connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            if self.identity is None:
                raise WarehouseUnavailable(f"{NO_WAREHOUSE} (looked for {md_escape(self.path)})")
            for _ in range(3):  # the snapshot may be replaced while we open it: make sure we name it right
                try:
                    con = duckdb.connect(str(self.path), read_only=True)
                except duckdb.Error as exc:
                    raise WarehouseUnavailable(f"cannot open the warehouse {md_escape(self.path)}: "
                                               f"{md_escape(exc)}") from exc
                identity = file_identity(self.path)
                if identity == self.identity:
                    break
                con.close()
                self.identity = identity
                if identity is None:
                    raise WarehouseUnavailable(f"{NO_WAREHOUSE} (looked for {md_escape(self.path)})")
            self._con = con
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    # --- queries ----------------------------------------------------------------------------------------

    def frame(self, name: str, **params) -> pl.DataFrame:
        """The result of dashboard/sql/<name>.sql with `params` bound (by name: $param)."""
        if not self.cache:
            return self._run(name, params)
        from dashboard.cache import cached_frame  # streamlit's cache; imported only when serving

        return cached_frame(self, self.identity, str(self.path), name, tuple(sorted(params.items())))

    def _run(self, name: str, params: dict) -> pl.DataFrame:
        con = self.connection()
        if name.startswith("fts_"):
            self._load_fts(con)
        started = time.perf_counter()
        try:
            frame = con.execute(sql(name), params or None).pl()
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1
        return frame

    def _load_fts(self, con: duckdb.DuckDBPyConnection) -> None:
        if not self._fts_loaded:
            from flows.warehouse import load_extension

            load_extension(con, "fts")
            self._fts_loaded = True

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
