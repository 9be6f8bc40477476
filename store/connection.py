"""Opening the warehouse, and publishing it: the writer's file and the published snapshot, the wait
for another process's lock, transactions, extensions, and readers closed to the file system.

Readers and the writer never share a file. DuckDB lets one process hold a file for writing, and while it
does no other process can open it at all, not even read-only; a read-only reader blocks the writer in
turn. So the pipeline writes into `news.writer.duckdb` (nobody else opens it), and after each run copies
it, checkpointed, to a temporary file beside `news.duckdb` and renames that over `news.duckdb`
(`publish`). A rename is atomic: a reader opening `news.duckdb` gets the last complete run, never a
partial batch, and a reader that keeps its connection open keeps its snapshot (the old file lives on
until it closes). Readers never lock the writer's file, so the writer never waits for them."""

from __future__ import annotations

import importlib
import importlib.abc
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsetl.config import Lake, writer_file
from store.sql import sql_text


class LockedError(RuntimeError):
    """The warehouse file is held by another process for longer than we were willing to wait."""


class _LockWaits:
    """Seconds this process has spent waiting for another process's lock on a warehouse file."""

    def __init__(self) -> None:
        self._total = 0.0
        self._guard = threading.Lock()

    def add(self, seconds: float) -> None:
        with self._guard:
            self._total += seconds

    def total(self) -> float:
        with self._guard:
            return self._total


LOCK_WAITS = _LockWaits()


# Modules DuckDB's Python client imports only to ask whether a value is one of their objects: pandas (on the
# first bound parameter or registered frame) and pyarrow.dataset (on every registration once pyarrow is
# loaded; it then scans an Arrow stream through a pyarrow dataset). A run makes neither kind of object.
LOOKUP_ONLY_MODULES = ("pandas", "pyarrow.dataset")
# pyarrow itself (and numpy under it): imported by the first registration for the same lookup, and needed
# by a frame read (store.reads.state_frame, DuckDB's `.pl()`), which lets it load (allow_pyarrow)
UNTIL_READ_MODULES = ("pyarrow",)


class _Refused(importlib.abc.MetaPathFinder):
    """Refuses every import of the modules it names and of their submodules."""

    def __init__(self, modules: tuple[str, ...]) -> None:
        self.modules = modules

    def find_spec(self, name, path=None, target=None):  # noqa: ARG002 - the finder protocol's signature
        if any(name == module or name.startswith(module + ".") for module in self.modules):
            raise ModuleNotFoundError(f"{name} is left unloaded in this process (store/connection.py: "
                                      "leave_lookup_only_modules_unloaded)", name=name)
        return None


def leave_lookup_only_modules_unloaded() -> None:
    """From now on this process imports none of LOOKUP_ONLY_MODULES, nor UNTIL_READ_MODULES until a frame
    read needs them (allow_pyarrow); nothing happens for a module it already has. For a process that makes
    no pandas object and no pyarrow dataset, such as `newsetl run`: DuckDB's Python client takes a refused
    import as "not installed" (and imports it again once allowed); with neither loaded no value can be one
    of their objects, so every conversion is the same, and DuckDB scans a registered Arrow stream itself.
    - pandas: imported on the first bound parameter or registered frame, and by pyarrow's scans: 0.3-0.5 s,
      a tenth of a run that finds nothing new.
    - pyarrow.dataset (and pyarrow.compute under it): imported by every registration once pyarrow is loaded,
      75-95 ms, to ask whether a stage frame is a pyarrow dataset. Scanned by DuckDB itself, a load of 2,000
      articles into 20,000 peaked 26-27 MB lower, in the same time (bench_load_memory.py; bench/README).
    - pyarrow, and numpy, which it imports: 0.1-0.2 s of a re-poll of unchanged feeds, which reads no frame
      (its state is read as rows: store.reads.known_titles) and registers a few.
    Not for a process that may load pandas later (pyarrow keeps its answer)."""
    unloaded = tuple(m for m in LOOKUP_ONLY_MODULES + UNTIL_READ_MODULES if m not in sys.modules)
    if unloaded and not any(isinstance(finder, _Refused) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Refused(unloaded))


def allow_pyarrow() -> None:
    """pyarrow may load from now on (a frame read needs it), whatever leave_lookup_only_modules_unloaded
    refused; pyarrow.dataset stays refused."""
    for finder in sys.meta_path:
        if isinstance(finder, _Refused):
            finder.modules = tuple(module for module in finder.modules if module not in UNTIL_READ_MODULES)


# a write-ahead log this small is left for the next open to replay rather than checkpointed at a close that
# asks for it (connect: keep_small_wal)
SMALL_WAL_BYTES = 1024 * 1024


@contextmanager
def connect(path: Path, read_only: bool = False, wait_seconds: float = 30.0,
            keep_small_wal: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a DuckDB file, retried while another process holds its lock (the time spent
    waiting is added to LOCK_WAITS). A read-write connection is checkpointed as it closes after its block;
    `keep_small_wal`: not when the write-ahead log holds at most SMALL_WAL_BYTES, which the next open replays
    (a run's start writes one row of `runs` and is followed by the merge's open of the file: the checkpoint
    of that row cost 20-50 ms of a re-poll, its replay 2 ms). Every copy of the file (publish, working_copy,
    scratch_copy, _adopt) checkpoints first, so a log left beside it is never left out of a copy."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    deadline = started + wait_seconds
    delay = 0.05
    waited = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                if "lock" in str(exc).lower():
                    LOCK_WAITS.add(time.monotonic() - started)
                    raise LockedError(f"{path} is locked by another process: {exc}") from exc
                raise
            waited = True
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    if waited:
        LOCK_WAITS.add(time.monotonic() - started)
    try:
        yield con
        if not read_only and keep_small_wal and _wal_bytes(path) <= SMALL_WAL_BYTES:
            con.execute("pragma disable_checkpoint_on_shutdown")
        elif not read_only:  # the checkpoint the close would make, within bounds (not after an error)
            try:
                checkpoint(con)
            except duckdb.FatalException:
                # a step of it needed more than the bound and could not spill: DuckDB let go of the file,
                # whose committed work is in its write-ahead log; opened again, it checkpoints unbounded
                con.close()
                con = duckdb.connect(str(path))
                con.execute("checkpoint")
    finally:
        con.close()


def _wal_bytes(path: Path) -> int:
    """The size of the write-ahead log beside the DuckDB file `path` (0 when there is none)."""
    try:
        return path.with_name(path.name + ".wal").stat().st_size
    except FileNotFoundError:
        return 0


CHECKPOINT_MEMORY_FLOOR = 64 * 1024 * 1024  # bytes a checkpoint may use even when DuckDB holds less


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """CHECKPOINT `con`'s file within the memory DuckDB holds when it starts (at least
    CHECKPOINT_MEMORY_FLOOR, at most the limit already set): DuckDB's memory limit is lowered to that for the
    checkpoint, then set back.
    A checkpoint merges adjacent row groups that fit in fewer and writes every row it merges again; since
    duckdb/duckdb#18829 each commit into a table on disk appends a row group of its own, so the checkpoint
    after the commit that doubles a table's last row groups builds all their rows, texts and all, in memory
    (+209 MB at the close of the 9th of 20,000 pages' chunks; bench_row_group_merges.py). Within the limit
    DuckDB writes what the merge built to its temp folder beside the file instead of holding it. Should DuckDB
    refuse the bound (it cannot give back enough to fit), it checkpoints as it would have. Should a step of
    the checkpoint need more than the bound where nothing can spill, DuckDB raises its FatalException and lets
    go of the database (its committed work stays in the write-ahead log): a connection that is closing opens
    the file again and checkpoints unbounded (connect); any other caller gets the error.
    Set back: DuckDB's own limit exactly (RESET); a limit set on the connection (NEWSETL_WRITER_MEMORY) to
    within 0.05 of the unit DuckDB prints it in (midway)."""
    in_use, limit = con.execute(sql_text("connection/memory_in_use.sql")).fetchone()
    bound = max(in_use, CHECKPOINT_MEMORY_FLOOR)
    lowered = False
    if bound < bytes_of(limit):
        # refused when DuckDB cannot give back enough to fit under it: the checkpoint is then DuckDB's own
        with suppress(duckdb.OutOfMemoryException):
            limit_memory(con, f"{bound} bytes")
            lowered = True
    con.execute("checkpoint")
    if lowered:
        con.execute(sql_text("connection/memory_limit_reset.sql"))
        if con.execute(sql_text("connection/memory_in_use.sql")).fetchone()[1] != limit:
            limit_memory(con, midway(limit))


def limit_memory(con: duckdb.DuckDBPyConnection, limit: str) -> None:
    """DuckDB's memory limit for the rest of the connection (sql/connection/memory_limit.sql): DuckDB spills
    what it can of a merge's rows to its temp folder; a limit below what an operator must hold fails the run
    with DuckDB's out-of-memory error."""
    con.execute(sql_text("connection/memory_limit.sql"), {"memory_limit": limit})


SIZE_UNITS = {"bytes": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3, "TiB": 1024 ** 4, "PiB": 1024 ** 5}


def midway(size: str) -> str:
    """A size that DuckDB prints as `size` ('2.7 GiB' -> '2.75 GiB'): DuckDB prints a size cut short to one
    decimal, so the size it printed reads back lower ('2.7 GiB' as '2.6 GiB')."""
    number, unit = size.split()
    return size if unit == "bytes" else f"{float(number) + 0.05:.2f} {unit}"


def bytes_of(size: str) -> float:
    """The bytes of a size as DuckDB prints a setting ('18.7 GiB', '512 bytes')."""
    number, unit = size.split()
    return float(number) * SIZE_UNITS[unit]


_HELD = threading.local()  # .writer: (writer file, connection) held open on this thread (holding_writer)


@contextmanager
def connect_writer(published: Path | Lake, wait_seconds: float = 60.0,
                   keep_small_wal: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the writer's file behind the published warehouse `published` (or to a
    lake: store/lake.py): the one this thread holds open for it (holding_writer), or a new one, closed
    after the block (`keep_small_wal`: see connect). A warehouse made before the split (only news.duckdb
    exists) is adopted: the writer starts from it."""
    held = getattr(_HELD, "writer", None)
    if held is not None and held[0] == published:
        yield held[1]
        return
    if not isinstance(published, Path):
        from store import lake
        with lake.connect_writer(published) as con:
            yield con
        return
    path = writer_file(published)
    if not path.exists() and published.exists():
        _adopt(published, path)
    with connect(path, wait_seconds=wait_seconds, keep_small_wal=keep_small_wal) as con:
        yield con


@contextmanager
def holding_writer(published: Path | Lake, keep_small_wal: bool = False) -> Iterator[None]:
    """One connection to the writer's file for every connect_writer(published) on this thread in the block,
    closed when it ends: opening the file (its catalog read) and closing it (with the checkpoint a close
    makes) cost 40-70 ms each, and a run's steps under the ingest lock opened it up to five times in a row.
    Only for a block that holds the ingest lock: while it is open no other process can open the file.
    `keep_small_wal`: see connect."""
    if getattr(_HELD, "writer", None) is not None:  # already held (by an outer block)
        yield
        return
    with connect_writer(published, keep_small_wal=keep_small_wal) as con:
        _HELD.writer = (published, con)
        try:
            yield
        finally:
            _HELD.writer = None


def _adopt(published: Path, writer: Path) -> None:
    with connect(published, wait_seconds=5.0) as con:  # folds a leftover write-ahead log into the file
        con.execute("checkpoint")
    copy_atomically(published, writer)


def publish(con: duckdb.DuckDBPyConnection, published: Path | Lake) -> float:
    """Make the writer's committed state the published warehouse: checkpoint (so the file alone holds
    everything), copy it beside `published`, flush it to disk and rename it over `published`. `con` is
    the writer's connection, held so that nothing writes during the copy. On a lake, the current snapshot
    is published with the search file (store/lake.py). Returns the seconds taken."""
    started = time.monotonic()
    if not isinstance(published, Path):
        from store import lake
        lake.publish(con, published)
        return time.monotonic() - started
    checkpoint(con)
    source = Path(con.execute("select path from duckdb_databases() where database_name = current_database()")
                  .fetchone()[0])
    # a write-ahead log beside the published file belongs to the old file (someone opened it read-write):
    # DuckDB must not replay it onto the new one
    published.with_name(published.name + ".wal").unlink(missing_ok=True)
    for stale in published.parent.glob(f".{published.name}.*.tmp"):  # a publisher killed mid-copy (we
        stale.unlink(missing_ok=True)                                # hold the writer's lock: none is live)
    copy_atomically(source, published)
    return time.monotonic() - started


@contextmanager
def scratch_copy(published: Path) -> Iterator[Path]:
    """A throw-away copy of the writer's file (`reprocess --dry-run`): yields a published path, beside
    `published`, whose writer's file is the copy. Everything under that path is deleted afterwards."""
    _embedded_only(published, "reprocess --dry-run")
    writer = writer_file(published)
    scratch = published.with_name(f"{published.stem}.dry-run{published.suffix}")
    paths = [path for base in (scratch, writer_file(scratch))
             for path in (base, base.with_name(base.name + ".wal"))]
    for path in paths:
        path.unlink(missing_ok=True)
    try:
        with connect(writer) as con:
            con.execute("checkpoint")
            copy_atomically(writer, writer_file(scratch))
        yield scratch
    finally:
        for path in paths:
            path.unlink(missing_ok=True)


@contextmanager
def rebuilding(published: Path) -> Iterator[Path]:
    """A copy of the writer's file to rebuild the derived tables in (`reprocess`): yields the published
    path whose writer's file is that copy. When the block ends without an error the copy replaces the
    writer's file with one rename; on an error it is deleted and the writer's file is as it was, so a
    rebuild is whole or nothing however many batches it loads. The writer's file stays open (locked against
    other processes, such as a curation command) until the copy is renamed over it."""
    _embedded_only(published, "reprocess")
    with working_copy(published, "rebuild") as work:
        yield work


@contextmanager
def working_copy(published: Path, purpose: str) -> Iterator[Path]:
    """A copy of the writer's file (named for `purpose`) for work that commits in steps but must land whole
    or not at all (rebuilding; a run merged in chunks, flows/ingest.py): yields the published path whose
    writer's file is that copy. When the block ends without an error the copy replaces the writer's file
    with one rename; on an error it is deleted (one a killed process left, by the next copy for the same
    purpose): the writer's file is as it was. The writer's file is held open (locked against other processes)
    until then; nothing on this thread may hold it (holding_writer), or it would go on writing to the file
    the rename replaced."""
    if getattr(_HELD, "writer", None) is not None:
        raise RuntimeError("a working copy of the writer's file is made with the writer's file let go")
    writer = writer_file(published)
    work_published = published.with_name(f"{published.stem}.{purpose}{published.suffix}")
    work = writer_file(work_published)
    leftovers = (work, work.with_name(work.name + ".wal"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        with connect(writer) as guard:
            guard.execute("checkpoint")
            copy_atomically(writer, work)
            yield work_published
            with connect(work) as con:
                con.execute("checkpoint")
            guard.execute("checkpoint")
        os.replace(work, writer)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)


def _embedded_only(published: Path | Lake, what: str) -> None:
    if not isinstance(published, Path):
        raise RuntimeError(f"{what} works on the embedded warehouse only (a lake is rebuilt by copying an "
                           "embedded one into it: newsetl warehouse copy)")


def copy_atomically(source: Path, target: Path) -> None:
    """Copy to a temporary name in the target's folder, fsync, then rename over the target: a reader sees
    the old file or the new one, and a crash leaves at most a stray temporary file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@dataclass
class _Batch:
    """What waits for a batch transaction's commit (batch_transaction)."""

    before_commit: dict[str, Callable[[], object]] = field(default_factory=dict)  # once each, by name
    after_commit: list[Callable[[], object]] = field(default_factory=list)


_BATCHES: dict[int, _Batch] = {}  # id(connection) -> the batch transaction open on it


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: commit on success, roll back on any error. Inside a batch_transaction on `con`, the
    block is part of that one (it commits or rolls back with it)."""
    if id(con) in _BATCHES:
        yield
        return
    con.execute("begin transaction")
    try:
        yield
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


@contextmanager
def batch_transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction for several loads (a run merged chunk by chunk): every `transaction(con)` in the
    block joins it, so the run's batch commits whole or not at all, and each step reads what the ones
    before it wrote. It commits when the block ends, or earlier at commit_batch(con); what the steps left
    for just before the commit (before_commit) and after it (after_commit) is done then."""
    if id(con) in _BATCHES:  # already in one (an outer block)
        yield
        return
    _BATCHES[id(con)] = _Batch()
    con.execute("begin transaction")
    try:
        yield
    except BaseException:
        if _BATCHES.pop(id(con), None) is not None:
            con.execute("rollback")
        raise
    if id(con) in _BATCHES:
        commit_batch(con)


def commit_batch(con: duckdb.DuckDBPyConnection) -> None:
    """Finish the batch transaction open on `con` and commit it now, then do what waited for its commit.
    A step that fails before the commit leaves the transaction open: the block rolls it back."""
    batch = _BATCHES[id(con)]
    for step in batch.before_commit.values():
        step()
    del _BATCHES[id(con)]
    con.execute("commit")
    for step in batch.after_commit:
        step()


def in_batch_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    return id(con) in _BATCHES


def before_commit(con: duckdb.DuckDBPyConnection, name: str, step: Callable[[], object]) -> bool:
    """Do `step` once, just before the batch transaction open on `con` commits (in it), whatever the number
    of loads that ask for it by `name`. True when this call is the first to ask."""
    steps = _BATCHES[id(con)].before_commit
    if name in steps:
        return False
    steps[name] = step
    return True


def after_commit(con: duckdb.DuckDBPyConnection, step: Callable[[], object]) -> None:
    """Do `step` once what was written on `con` is committed: now, or when the batch transaction open on it
    commits (never, if it rolls back)."""
    if (batch := _BATCHES.get(id(con))) is not None:
        batch.after_commit.append(step)
    else:
        step()


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> Path:
    """Load a DuckDB extension (fts, ducklake) from its PyPI package `duckdb-extension-<name>`, pinned
    with DuckDB itself: this machine cannot download extensions at first use. DuckDB checks the binary's
    signature on load; unsigned extensions are never allowed."""
    try:
        package = importlib.import_module(f"duckdb_extension_{name}")
    except ImportError as exc:
        raise RuntimeError(f"DuckDB extension {name!r} is not installed: pip install "
                           f"duckdb-extension-{name}=={duckdb.__version__}") from exc
    path = (Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}"
            / f"{name}.duckdb_extension")
    if not path.exists():
        raise RuntimeError(f"{path} not found: duckdb-extension-{name} does not match duckdb "
                           f"{duckdb.__version__}")
    con.load_extension(str(path))
    return path


def close_external_access(con: duckdb.DuckDBPyConnection, allowed_directories: tuple[Path | str, ...] = (),
                          local_files: bool = True) -> None:
    """From now on no statement on this DuckDB instance reaches beyond the databases it has open: no
    ATTACH, no COPY or read_csv/read_parquet of a file, no extension installed or loaded, except files
    under `allowed_directories` (where a command writes its own output); and the configuration is locked,
    so no SET gives any of it back. Load extensions (fts) before calling this.

    DuckDB keeps the paths of the open database files themselves (the file, its .wal, .wal.checkpoint,
    .wal.recovery) and its temp directory writable after that: `COPY ... TO '<the snapshot>'
    (use_tmp_file false)` would overwrite the snapshot. So where statements come from the user (`local_files`
    False: newsetl sql), DuckDB's local file system is switched off altogether; the open files stay readable
    through the handles already open, and a query must then fit in memory (nothing spills to disk)."""
    if allowed_directories:
        con.execute("set allowed_directories = $dirs",  # a str is a URL prefix (a lake's s3://bucket/...)
                    {"dirs": [f"{d.resolve()}{os.sep}" if isinstance(d, Path) else d
                              for d in allowed_directories]})
    con.execute("set enable_external_access = false")
    if not local_files:
        con.execute("set disabled_filesystems = 'LocalFileSystem'")
    con.execute("set lock_configuration = true")


@contextmanager
def connect_reader(path: Path | Lake, wait_seconds: float = 10.0, allowed_directories: tuple[Path, ...] = (),
                   extensions: tuple[str, ...] = ("fts",), user_statements: bool = False
                   ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the published warehouse for newsetl sql, search, export and sources: the
    `extensions` loaded (fts: queries may call fts_main_articles.match_bm25), then external access closed
    and the configuration locked (close_external_access) before any of the caller's statements runs.
    Without `allowed_directories` (a command that writes no file through DuckDB) the local file system is
    switched off too; export, which runs only its own queries, writes under its target folder. A lake's
    reader is pinned to its published snapshot (store/lake.py connect_reader); `user_statements`: the
    statements are the user's (newsetl sql), which a lake runs only with a catalog role that cannot write."""
    if not isinstance(path, Path):
        from store import lake
        with lake.connect_reader(path, allowed_directories, user_statements) as con:
            yield con
        return
    with connect(path, read_only=True, wait_seconds=wait_seconds) as con:
        for name in extensions:
            load_extension(con, name)
        close_external_access(con, allowed_directories, local_files=bool(allowed_directories))
        yield con
