"""A writer's close, and the publication, checkpoint within the memory DuckDB holds (store/connection.py
checkpoint): the rows, and the row groups a checkpoint merges, are those of DuckDB's own checkpoint; the
memory limit is as it was after it, and a lower one set on the connection bounds it; a bounded checkpoint
that cannot spill loses nothing."""

from __future__ import annotations

import duckdb

from store import connection
from store.connection import bytes_of, checkpoint, connect, midway

TEXTS = "insert into t select $chunk * 10000 + i, repeat('word ', 200) || i from range($rows) r(i)"


def row_groups(path) -> int:
    with connect(path, read_only=True) as con:
        return con.execute("select count(distinct row_group_id) from pragma_storage_info('t')").fetchone()[0]


def commits_closed_one_by_one(path, commits: int, bounded: bool) -> list[int]:
    """The table's row groups after each of `commits` commits of 1,900 texts, each on a connection of its
    own, closed with store's connect (bounded) or DuckDB's own close."""
    with connect(path) as con:
        con.execute("create table t (id bigint, body varchar)")
    groups = []
    for chunk in range(commits):
        if bounded:
            with connect(path) as con:
                con.execute(TEXTS, {"chunk": chunk, "rows": 1900})
        else:
            con = duckdb.connect(str(path))
            con.execute(TEXTS, {"chunk": chunk, "rows": 1900})
            con.close()
        groups.append(row_groups(path))
    return groups


def test_a_bounded_close_keeps_every_row_and_merges_row_groups_as_duckdb_does(tmp_path, monkeypatch):
    # a bound below what the merges hold (1,900 texts of 1 KB a commit), so that they spill
    monkeypatch.setattr(connection, "CHECKPOINT_MEMORY_FLOOR", 1024 * 1024)
    bounded = commits_closed_one_by_one(tmp_path / "bounded.duckdb", 4, bounded=True)
    own = commits_closed_one_by_one(tmp_path / "own.duckdb", 4, bounded=False)
    assert bounded == own
    assert bounded[1] == bounded[3] == 1  # the 2nd and 4th checkpoints merged the row groups into one
    with connect(tmp_path / "bounded.duckdb", read_only=True) as con:
        assert con.execute("select count(*), count(distinct id), min(length(body)) from t").fetchone() == (
            4 * 1900, 4 * 1900, 1001)
    assert not (tmp_path / "bounded.duckdb.wal").exists()


def test_a_checkpoint_leaves_the_memory_limit_as_it_was(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        own = con.execute("select current_setting('memory_limit')").fetchone()[0]
        for limit, printed in ((None, own), ("20MB", "19.0 MiB"), ("3GB", "2.7 GiB")):
            if limit:  # as NEWSETL_WRITER_MEMORY sets it; 20MB is below the bound: not lowered
                con.execute("set memory_limit = $limit", {"limit": limit})
            con.execute("create or replace table t as select repeat('word ', 200) || i as body "
                        "from range(500) r(i)")
            for _ in range(3):
                checkpoint(con)
                assert con.execute("select current_setting('memory_limit')").fetchone()[0] == printed


def test_midway_is_read_back_as_printed(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        for printed in ("2.7 GiB", "18.8 GiB", "19.0 MiB", "999.9 MiB"):
            con.execute("set memory_limit = $limit", {"limit": midway(printed)})
            assert con.execute("select current_setting('memory_limit')").fetchone()[0] == printed


def test_bytes_of_reads_duckdb_s_sizes():
    assert bytes_of("18.7 GiB") == 18.7 * 1024 ** 3
    assert bytes_of("61.0 MiB") == 61 * 1024 ** 2
    assert bytes_of("512 bytes") == 512


def test_a_bounded_checkpoint_that_cannot_spill_loses_nothing(tmp_path, monkeypatch):
    """With no temp folder the bound cannot be kept: DuckDB's checkpoint fails fatally, and the close opens
    the file again and checkpoints it unbounded."""
    monkeypatch.setattr(connection, "CHECKPOINT_MEMORY_FLOOR", 1024 * 1024)
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        con.execute("create table t (id bigint, body varchar)")
        con.execute(TEXTS, {"chunk": 0, "rows": 1900})
    for chunk in (1, 2):
        with connect(path) as con:
            con.execute("set checkpoint_threshold = '10GB'")  # the commit leaves its rows to the close
            con.execute("set temp_directory = ''")
            con.execute(TEXTS, {"chunk": chunk, "rows": 1900})
    assert not path.with_name(path.name + ".wal").exists()
    with connect(path, read_only=True) as con:
        assert con.execute("select count(*), count(distinct id) from t").fetchone() == (3 * 1900, 3 * 1900)


def test_a_close_that_keeps_a_small_write_ahead_log_leaves_it_for_the_next_open(tmp_path, monkeypatch):
    """connect(keep_small_wal=True) leaves a log of at most SMALL_WAL_BYTES beside the file, uncheckpointed
    (a run's start: its row, replayed by the merge's open), and the next open sees every row; a larger log,
    or a close that does not ask, is checkpointed into the file as before."""
    path = tmp_path / "w.duckdb"
    wal = tmp_path / "w.duckdb.wal"
    with connect(path) as con:
        con.execute("create table t (id bigint, body varchar)")
    assert not wal.exists()
    with connect(path, keep_small_wal=True) as con:
        con.execute("insert into t values (1, 'the run''s row')")
    assert 0 < wal.stat().st_size <= connection.SMALL_WAL_BYTES
    with connect(path) as con:  # replays it, and checkpoints as it closes
        assert con.execute("select * from t").fetchall() == [(1, "the run's row")]
    assert not wal.exists() or wal.stat().st_size == 0

    monkeypatch.setattr(connection, "SMALL_WAL_BYTES", 1024)
    with connect(path, keep_small_wal=True) as con:
        con.execute(TEXTS, {"chunk": 1, "rows": 50})  # ~50 KB of text: over the bound
    assert not wal.exists() or wal.stat().st_size == 0
    with connect(path, read_only=True) as con:
        assert con.execute("select count(*) from t").fetchone() == (51,)
