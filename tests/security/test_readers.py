"""Readers cannot change or destroy the warehouse (issue 19, items 5 and 8): `newsetl sql`, `search`,
`export`, `sources` and the dashboard open the published snapshot with DuckDB's external access closed and
the configuration locked before any statement runs (flows.store.close_external_access), so no
statement can ATTACH the writer's file read-write, COPY over a file, read a local file or undo the lock;
statements without a result print a line instead of a traceback; and no output path (`--out`, the
export folder) may name or replace the published snapshot, the writer's file, their write-ahead logs or the
raw store (exit code 2). Every test uses a real warehouse (writer's file, published snapshot, raw store)
in a temp dir and checks, byte for byte, that the files are as they were."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import datetime

import duckdb
import pytest
from typer.testing import CliRunner

import store
from newsetl.cli import NO_ROWS, app
from newsetl.config import writer_file
from tests.conftest import ROOT

runner = CliRunner()


@pytest.fixture
def published(tmp_path):
    """A published warehouse (snapshot + writer's file + a raw store object) with one searchable article."""
    path = tmp_path / "warehouse" / "news.duckdb"
    with store.connect_writer(path) as con:
        store.migrate(con)
        at = datetime(2026, 11, 28, 6)
        con.execute("insert into sources (source_id, name, outlet_key, first_seen_at) "
                    "values ('s1', 'HT', 'ht', ?)", [at])
        con.execute("""insert into articles (article_id, canonical_url, url, source_id, title, body,
                           published_at, published_source, first_seen_at, fetched_at, word_count,
                           content_hash, content_source)
                       values ('a1', 'https://ht.example/a', 'https://ht.example/a', 's1',
                               'Barents Sea accord signed', 'Norway and Russia signed the accord.',
                               ?, 'feed', ?, ?, 8, 'h1', 'feed')""", [at, at, at])
        store.build_search_index(con)
        store.apply_views(con)
        store.publish(con, path)
    raw = path.parent / "raw" / "ab"
    raw.mkdir(parents=True)
    (raw / "abcdef.gz").write_bytes(b"raw body")
    return path


def fingerprint(path):
    """Every file of the warehouse folder and its SHA-256 (the folder must be left as it was)."""
    return {str(p.relative_to(path.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.parent.rglob("*")) if p.is_file() and ".locks" not in str(p)}


def run_sql(published, query, *options):
    return runner.invoke(app, ["sql", query, "--warehouse", str(published), *options])


def writer_tables(published) -> set[str]:
    with duckdb.connect(str(writer_file(published)), read_only=True) as con:
        return {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}


# --- statements cannot attach, write or read files ----------------------------------------------------------

def test_attaching_the_writer_file_read_write_is_refused(published):
    before = fingerprint(published)
    writer = writer_file(published)
    for query in (f"attach '{writer}' as w (READ_ONLY false); create table w.pwned as select 1",
                  f"attach '{writer}' as w (READ_ONLY false); delete from w.articles",
                  f"attach '{published.parent / 'other.duckdb'}' as o; create table o.t as select 1",
                  "attach ':memory:' as m"):
        result = run_sql(published, query)
        assert result.exit_code == 2, (query, result.output)
        assert "query failed" in result.output and "Traceback" not in result.output
    assert fingerprint(published) == before
    assert "pwned" not in writer_tables(published)
    assert not (published.parent / "other.duckdb").exists()


def test_copy_to_any_file_is_refused(published, tmp_path):
    before = fingerprint(published)
    writer = writer_file(published)
    targets = [writer, published, published.with_name("news.duckdb.wal"),
               published.parent / "raw" / "ab" / "abcdef.gz", tmp_path / "elsewhere.csv"]
    for target in targets:
        for query in (f"copy (select 1) to '{target}'", f"copy articles to '{target}' (format parquet)",
                      f"copy (select 'x') to '{target}' (use_tmp_file false)",
                      f"copy (select 'x') to 'file://{target}' (use_tmp_file false)",
                      f"export database '{target.parent}'"):
            result = run_sql(published, query)
            assert result.exit_code == 2 and "Permission Error" in result.output, (query, result.output)
    assert fingerprint(published) == before
    assert not (tmp_path / "elsewhere.csv").exists()


@pytest.mark.parametrize("query", [
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/hostname')",
    "select * from glob('/etc/*')",
    "select * from read_parquet('/tmp/*.parquet')",
    "install httpfs",
    "load '/tmp/evil.duckdb_extension'",
    "set enable_external_access = true",
    "reset enable_external_access",
    "set lock_configuration = false",
    "set allowed_directories = ['/']",
    "set temp_directory = '/tmp/elsewhere'",
    "set disabled_filesystems = ''",
])
def test_local_files_extensions_and_the_lock_itself_are_out_of_reach(published, query):
    result = run_sql(published, query)
    assert result.exit_code == 2, result.output
    assert "query failed" in result.output and "Traceback" not in result.output


def test_a_real_cli_process_cannot_write_the_writer_file(published):
    """The same attack as issue 19 describes, as a user runs it: a fresh `newsetl sql` process."""
    before = fingerprint(published)
    writer = writer_file(published)
    result = subprocess.run(
        [sys.executable, "-m", "newsetl.cli", "sql",
         f"attach '{writer}' (READ_ONLY false); create table pwned as select 42 as x",
         "--warehouse", str(published)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Permission Error" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(published) == before and "pwned" not in writer_tables(published)


# --- statements without a result ----------------------------------------------------------------------------

@pytest.mark.parametrize("output", [[], ["--format", "csv"], ["--format", "json"]])
@pytest.mark.parametrize("query", ["create temp view v as select 1", "create temp table t (a int)",
                                   "create temp table t as select 1 as a; drop table t"])
def test_statements_without_rows_print_a_line_not_a_traceback(published, query, output):
    result = run_sql(published, query, *output)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "AttributeError" not in result.output
    assert NO_ROWS in result.output or result.output.strip().startswith(("Count", "[{"))


def test_reads_still_work_with_the_lock(published, tmp_path):
    """Reading, full-text search (fts loaded before the lock), views and every output format still work."""
    table = run_sql(published, "select title from articles")
    assert table.exit_code == 0 and "Barents Sea accord signed" in table.output
    bm25 = run_sql(published, "select title from articles "
                              "where fts_main_articles.match_bm25(article_id, 'accord') is not null")
    assert bm25.exit_code == 0 and "Barents Sea accord signed" in bm25.output
    out = tmp_path / "out.parquet"
    parquet = run_sql(published, "select * from articles", "--format", "parquet", "--out", str(out))
    assert parquet.exit_code == 0 and out.exists()
    found = runner.invoke(app, ["search", "Barents accord", "-w", str(published), "-f", "json"])
    assert found.exit_code == 0 and "Barents Sea accord signed" in found.output
    health = runner.invoke(app, ["sources", "--warehouse", str(published)])
    assert health.exit_code == 0, health.output


# --- output paths never name a warehouse file ---------------------------------------------------------------

def _protected(published):
    writer = writer_file(published)
    return {
        "published snapshot": published,
        "writer's file": writer,
        "snapshot's wal": published.with_name(published.name + ".wal"),
        "writer's wal": writer.with_name(writer.name + ".wal"),
        "a raw object": published.parent / "raw" / "ab" / "abcdef.gz",
        "a new file in the raw store": published.parent / "raw" / "new.csv",
        "another warehouse's writer file": published.parent.parent / "other.writer.duckdb",
        "the snapshot by a relative path": os.path.relpath(published),
    }


PROTECTED = ["published snapshot", "writer's file", "snapshot's wal", "writer's wal", "a raw object",
             "a new file in the raw store", "another warehouse's writer file",
             "the snapshot by a relative path"]


@pytest.mark.parametrize("name", PROTECTED)
@pytest.mark.parametrize("command", ["sql", "search"])
@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_out_naming_a_warehouse_file_is_refused(published, name, command, fmt):
    before = fingerprint(published)
    target = _protected(published)[name]
    what = "select * from articles" if command == "sql" else "Barents"
    result = runner.invoke(app, [command, what, "-w", str(published), "--format", fmt, "--out", str(target)])
    assert result.exit_code == 2, result.output
    assert "refusing to write there" in result.output
    assert fingerprint(published) == before


def test_out_through_a_symlink_or_hardlink_is_refused(published, tmp_path):
    before = fingerprint(published)
    (tmp_path / "link.csv").symlink_to(published)
    os.link(writer_file(published), tmp_path / "hard.csv")
    for target in (tmp_path / "link.csv", tmp_path / "hard.csv"):
        result = run_sql(published, "select 1", "--format", "csv", "--out", str(target))
        assert result.exit_code == 2 and "refusing to write there" in result.output, result.output
    assert fingerprint(published) == before


def test_export_never_replaces_a_folder_holding_the_warehouse(tmp_path):
    """A warehouse kept in a folder named like an export table (…/articles/news.duckdb): exporting to its
    parent would replace that folder."""
    path = tmp_path / "articles" / "news.duckdb"
    with store.connect_writer(path) as con:
        store.migrate(con)
        store.apply_views(con)
        store.publish(con, path)
    before = fingerprint(path)
    result = runner.invoke(app, ["export", str(tmp_path), "-w", str(path)])
    assert result.exit_code == 2 and "holds the warehouse file" in result.output, result.output
    assert fingerprint(path) == before


@pytest.mark.parametrize("where", ["raw", "raw/ab", "the writer's file"])
def test_export_into_the_raw_store_or_onto_a_file_is_refused(published, where):
    before = fingerprint(published)
    target = writer_file(published) if where == "the writer's file" else published.parent / where
    result = runner.invoke(app, ["export", str(target), "-w", str(published)])
    assert result.exit_code == 2 and "refusing to write there" in result.output, result.output
    assert fingerprint(published) == before


def test_export_writes_only_its_folder(published, tmp_path):
    before = fingerprint(published)
    target = tmp_path / "exports"
    result = runner.invoke(app, ["export", str(target), "-w", str(published)])
    assert result.exit_code == 0, result.output
    assert (target / "articles").is_dir() and list((target / "articles").rglob("*.parquet"))
    assert fingerprint(published) == before


# --- the dashboard's snapshot -------------------------------------------------------------------------------

def test_the_dashboards_snapshot_is_locked_too(published):
    from dashboard.data import Snapshot, open_reader

    before = fingerprint(published)
    snap = Snapshot(published, ("test",), "256MB")
    try:
        cursor = snap.cursor()
        for query in (f"attach '{writer_file(published)}' as w (READ_ONLY false)",
                      f"copy (select 1) to '{writer_file(published)}'",
                      "select * from read_csv('/etc/passwd')",
                      "set enable_external_access = true"):
            with pytest.raises(duckdb.Error):
                cursor.execute(query)
        cursor.close()
    finally:
        snap.con.close()
    with open_reader(published, cache=False) as reader:  # BM25 search still works on the locked snapshot
        rows, method = reader.search_articles("accord", has_index=True)
    assert method == "bm25" and rows.height == 1
    assert fingerprint(published) == before
