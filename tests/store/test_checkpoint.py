"""A writer's close checkpoints within the memory DuckDB holds (store/connection.py checkpoint_to_close):
the rows, and the row groups a checkpoint merges, are those of DuckDB's own checkpoint; a lower limit set
on the connection is kept; a bounded checkpoint that cannot spill loses nothing."""

from __future__ import annotations

import duckdb

from store import connection
from store.connection import bytes_of, checkpoint_to_close, connect

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


def test_a_lower_limit_set_on_the_connection_bounds_its_checkpoint(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        con.execute("set memory_limit = '20MB'")  # as NEWSETL_WRITER_MEMORY sets it
        con.execute(TEXTS.replace("insert into t", "create table t as"), {"chunk": 0, "rows": 500})
        checkpoint_to_close(con)
        assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "19.0 MiB"
    with connect(tmp_path / "v.duckdb") as con:
        checkpoint_to_close(con)  # DuckDB's own limit: lowered to the floor
        assert bytes_of(con.execute("select current_setting('memory_limit')").fetchone()[0]) == 64 * 1024 ** 2


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
