import re
from datetime import datetime

import duckdb
import polars as pl
import pytest

import store


@pytest.fixture
def con(tmp_path):
    with store.connect(tmp_path / "w.duckdb") as connection:
        yield connection


def test_migrations_apply_once_and_are_recorded(con):
    first = store.migrate(con)
    assert first == [f.name for f in store.migration_files()]
    assert store.migrate(con) == []
    assert con.execute("select count(*) from schema_migrations").fetchone()[0] == len(first)


def test_an_edited_migration_is_refused(con, tmp_path, monkeypatch):
    store.migrate(con)
    edited = tmp_path / "sql"
    (edited / "migrations").mkdir(parents=True)
    for f in store.migration_files():
        (edited / "migrations" / f.name).write_text(f.read_text() + "\n-- edited\n")
    monkeypatch.setattr(store.sql, "SQL_DIR", edited)
    with pytest.raises(RuntimeError, match="was edited after it was applied"):
        store.migrate(con)


def test_views_apply_and_checks_pass_on_an_empty_warehouse(con):
    store.migrate(con)
    views = store.apply_views(con)
    assert {"articles_per_outlet_per_day", "top_entities_per_day", "feed_health"} <= set(views)
    results = store.run_checks(con)
    assert results and not any(results.values())


def test_a_failed_load_leaves_nothing(con):
    store.migrate(con)
    sources = pl.DataFrame({"source_id": ["s1"], "name": ["A"], "outlet_key": ["a"], "domain": [None],
                            "homepage": [None]},
                           schema_overrides={"domain": pl.String, "homepage": pl.String})
    with pytest.raises(RuntimeError, match="injected"):
        store.load_batch(con, {"sources": sources}, datetime(2026, 11, 28), fail_after="sources")
    assert con.execute("select count(*) from sources").fetchone()[0] == 0
    result = store.load_batch(con, {"sources": sources}, datetime(2026, 11, 28))
    assert result.added("sources") == 1
    again = store.load_batch(con, {"sources": sources}, datetime(2026, 11, 29))
    assert again.added("sources") == 0
    assert con.execute("select first_seen_at from sources").fetchone()[0] == datetime(2026, 11, 28)


def test_a_key_met_twice_in_a_batch_is_loaded_once_and_a_stored_one_is_kept(con):
    """The load's MERGE statements insert a key once even when the batch has it twice (as INSERT ... ON
    CONFLICT DO NOTHING did; on a lake no primary key would catch it) and leave a stored row as it was."""
    store.migrate(con)
    entities = pl.DataFrame({"entity_id": ["e1", "e1", "e2"], "canonical_name": ["Putin", "Putin", "Lavrov"],
                             "entity_type": ["person", "person", "person"]})
    aliases = pl.DataFrame({"entity_id": ["e1", "e1"], "alias": ["Putin", "Putin"]})
    first, second = datetime(2026, 11, 28), datetime(2026, 11, 29)
    store.load_batch(con, {"entities": entities[:1], "entity_aliases": aliases[:1]}, first)
    result = store.load_batch(con, {"entities": entities, "entity_aliases": aliases}, second)
    assert result.added("entities") == 1 and result.added("entity_aliases") == 0
    assert con.execute("select entity_id, first_seen_at from entities order by 1").fetchall() == [
        ("e1", first), ("e2", second)]


BIG_TABLES = ("article_versions", "article_signatures", "article_entities")


def table_shape(con, table: str) -> tuple:
    """A table's columns (name, type, nullable, default, comment), its comment and its constraints."""
    return (con.execute("select column_name, data_type, is_nullable, column_default, comment from "
                        "duckdb_columns() where table_name = ? order by column_index", [table]).fetchall(),
            con.execute("select comment from duckdb_tables() where table_name = ?", [table]).fetchone(),
            sorted(con.execute("select constraint_type, constraint_column_names from duckdb_constraints() "
                               "where table_name = ?", [table]).fetchall()))


EVERY_MIGRATION = store.migration_files  # the function itself, as imported (tests patch the module's name)


def migrate_through(con, monkeypatch, last: int) -> list[str]:
    """store.migrate with the migrations up to `last` only (a warehouse as an older version left it): the
    names of those it applied."""
    from store import migrations

    every = EVERY_MIGRATION()  # not the patched list a call before this one left
    monkeypatch.setattr(migrations, "migration_files", lambda: [f for f in every if int(f.name[:3]) <= last])
    return store.migrate(con)


def test_the_three_big_tables_keep_their_rows_and_comments_and_lose_only_their_primary_keys(
        con, monkeypatch):
    """Migration 019 on a warehouse made by the migrations before it."""
    migrate_through(con, monkeypatch, 18)
    con.execute("insert into article_versions values ('a1', 'h1', 'T', 'B', '2026-11-28'), "
                "('a1', 'h2', 'T2', null, '2026-11-29')")
    con.execute("insert into article_signatures values ('a1', [1, 2, 3])")
    con.execute("insert into article_entities values ('a1', 'e1', 2, 0, true, 0.9, ['Putin'])")
    before = {t: (table_shape(con, t), sorted(con.execute(f"select * from {t}").fetchall()))  # noqa: S608
              for t in BIG_TABLES}
    assert all(any(kind == "PRIMARY KEY" for kind, _ in shape[2]) for shape, _ in before.values())
    assert migrate_through(con, monkeypatch, 19) == ["019_keys_held_by_the_load.sql"]
    for table, ((columns, comment, _), rows) in before.items():
        after_columns, after_comment, after_constraints = table_shape(con, table)
        assert (after_columns, after_comment) == (columns, comment), table
        assert [kind for kind, _ in after_constraints] == ["NOT NULL"] * len(after_constraints), table
        assert sorted(con.execute(f"select * from {table}").fetchall()) == rows  # noqa: S608
    assert {t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()} >= set(BIG_TABLES)
    assert not con.execute("select table_name from duckdb_tables() where table_name like '%_019'").fetchall()


def test_articles_keep_their_rows_and_comments_and_lose_only_their_keys(con, monkeypatch):
    """Migration 020 on a warehouse made by the migrations before it: articles' primary key and unique
    canonical_url go (DuckDB's index of them made every checkpoint write the table's last row group again)."""
    migrate_through(con, monkeypatch, 19)
    con.execute("insert into articles (article_id, canonical_url, source_id, title, body, authors, "
                "published_at, published_source, first_seen_at, fetched_at, word_count, content_hash, "
                "content_source, published_day) values ('a1', 'https://x.test/1', 's1', 'T', 'B', ['Ann'], "
                "'2026-11-28 10:00', 'feed', '2026-11-28 11:00', '2026-11-28 11:00', 1, 'h1', 'feed', "
                "'2026-11-28')")
    shape, rows = table_shape(con, "articles"), con.execute("select * from articles").fetchall()
    assert {kind for kind, _ in shape[2]} == {"PRIMARY KEY", "UNIQUE", "NOT NULL"}
    assert migrate_through(con, monkeypatch, 20) == ["020_articles_keys_held_by_the_load.sql"]
    columns, comment, constraints = table_shape(con, "articles")
    assert (columns, comment) == shape[:2] and {kind for kind, _ in constraints} == {"NOT NULL"}
    assert con.execute("select * from articles").fetchall() == rows
    assert not con.execute("select table_name from duckdb_tables() where table_name like '%_020'").fetchall()


def test_fetches_keep_their_rows_check_and_comments_and_lose_only_their_primary_key(con, monkeypatch):
    """Migration 022 on a warehouse made by the migrations before it: fetches' primary key goes (DuckDB's
    index of it made every checkpoint, a re-poll's publication among them, cost time with the fetch log's
    size); its rows, its check on `purpose`, its comments stay."""
    migrate_through(con, monkeypatch, 21)
    con.execute("insert into fetches (fetch_id, run_id, feed_id, purpose, url, status_code, outcome, "
                "fetched_at, etag) values ('f1', 'r1', 'feed-1', 'feed', 'https://x.test/rss', 304, "
                "'not_modified', '2026-11-28 10:00', '\"abc\"'), ('f2', 'r1', 'feed-1', 'article', "
                "'https://x.test/1', 200, 'ok', '2026-11-28 10:01', null)")
    shape, rows = table_shape(con, "fetches"), sorted(con.execute("select * from fetches").fetchall())
    assert "PRIMARY KEY" in {kind for kind, _ in shape[2]}
    assert migrate_through(con, monkeypatch, 22) == ["022_fetches_key_held_by_the_load.sql"]
    columns, comment, constraints = table_shape(con, "fetches")
    assert (columns, comment) == shape[:2]
    assert constraints == [c for c in shape[2] if c[0] != "PRIMARY KEY"]  # the NOT NULLs and the CHECK
    assert sorted(con.execute("select * from fetches").fetchall()) == rows
    with pytest.raises(duckdb.ConstraintException):
        con.execute("insert into fetches (fetch_id, run_id, feed_id, purpose, url, outcome, fetched_at) "
                    "values ('f3', 'r1', 'feed-1', 'page', 'https://x.test/2', 'ok', '2026-11-28 10:02')")
    assert not con.execute("select table_name from duckdb_tables() where table_name like '%_022'").fetchall()


def test_a_fetch_staged_twice_or_loaded_again_is_stored_once(con):
    """fetches' key is held by the load (migration 022): the MERGE inserts a fetch_id once, whether the
    stage has it twice or the table has it already, and the load's key check finds nothing to refuse."""
    store.migrate(con)
    fetch = {"fetch_id": "f1", "run_id": "r1", "feed_id": "feed-1", "purpose": "feed",
             "url": "https://x.test/rss", "outcome": "ok", "fetched_at": datetime(2026, 11, 28, 10)}
    store.load_batch(con, {"fetches": pl.DataFrame([fetch, fetch])}, datetime(2026, 11, 28))
    store.load_batch(con, {"fetches": pl.DataFrame([fetch, {**fetch, "fetch_id": "f2"}])},
                     datetime(2026, 11, 28))
    assert con.execute("select fetch_id, count(*) from fetches group by 1 order by 1").fetchall() == [
        ("f1", 1), ("f2", 1)]


def test_check_results_keep_their_rows_and_comments_and_lose_only_their_primary_key(con, monkeypatch):
    """Migration 023 on a warehouse made by the migrations before it: check_results' primary key goes
    (DuckDB's index of it made every run's publishing checkpoint cost time with the table's size)."""
    migrate_through(con, monkeypatch, 22)
    con.execute("insert into check_results values ('r1', 'fetches_have_run', 0, '2026-11-28 10:00'), "
                "('r1', 'articles_have_source', 2, '2026-11-28 10:00')")
    shape = table_shape(con, "check_results")
    rows = sorted(con.execute("select * from check_results").fetchall())
    assert "PRIMARY KEY" in {kind for kind, _ in shape[2]}
    assert migrate_through(con, monkeypatch, 23) == ["023_check_results_key_held_by_the_load.sql"]
    columns, comment, constraints = table_shape(con, "check_results")
    assert (columns, comment) == shape[:2]
    assert constraints == [c for c in shape[2] if c[0] != "PRIMARY KEY"]  # the NOT NULLs
    assert sorted(con.execute("select * from check_results").fetchall()) == rows
    assert not con.execute("select table_name from duckdb_tables() where table_name like '%_023'").fetchall()


def test_a_runs_check_results_are_stored_once_and_a_key_stored_twice_fails_the_record(con):
    """check_results' key is held by record_checks (migration 023): the MERGE inserts a (run_id,
    check_name) once when the run's results are recorded again; a key the table already holds twice (as a
    primary key would have refused) fails the record, and nothing of it stays."""
    store.migrate(con)
    when = datetime(2026, 11, 28, 10)
    store.record_checks(con, "r1", {"fetches_have_run": 0, "articles_have_source": 1}, when)
    store.record_checks(con, "r1", {"fetches_have_run": 0, "articles_have_source": 1}, when)
    assert con.execute("select check_name, count(*) from check_results group by 1 order by 1").fetchall() == [
        ("articles_have_source", 1), ("fetches_have_run", 1)]
    con.execute("insert into check_results values ('r2', 'fetches_have_run', 0, ?), "
                "('r2', 'fetches_have_run', 0, ?)", [when, when])
    with pytest.raises(RuntimeError, match=r"check_results more than once: \(r2, fetches_have_run\) x2"):
        store.record_checks(con, "r2", {"fetches_have_run": 0, "articles_have_source": 0}, when)
    assert con.execute("select count(*) from check_results where run_id = 'r2'").fetchone() == (2,)


def staged_articles(con, keys: list[tuple[str, str]]) -> pl.DataFrame:
    """A stage frame of articles, one per (article_id, canonical_url), the other columns a minimal article."""
    schema = con.execute("select * from articles limit 0").pl().schema
    when = datetime(2026, 11, 28, 10)
    fixed = {"source_id": "s1", "title": "T", "authors": [], "published_at": when, "published_source": "feed",
             "first_seen_at": when, "fetched_at": when, "word_count": 0, "content_source": "feed"}
    return pl.DataFrame([{**dict.fromkeys(schema), **fixed, "article_id": article_id, "canonical_url": url,
                          "content_hash": f"h-{article_id}"} for article_id, url in keys], schema=schema)


def mojibake_flags(con) -> dict[str, bool]:
    return dict(con.execute("select article_id, has_mojibake from articles").fetchall())


def test_the_load_marks_mojibake_in_the_texts_it_writes_and_the_check_counts_the_marks(con):
    """articles.has_mojibake is found by the load in the text it writes (a new row, a changed text) and kept
    with an unchanged one; the check articles_without_mojibake counts the marked rows (it reads no text)."""
    store.migrate(con)
    check = "articles_without_mojibake"

    def load(texts: dict[str, tuple[str, str]]) -> None:  # article_id -> (title, body)
        frame = staged_articles(con, [(a, f"https://x.test/{a}") for a in texts]).drop("has_mojibake")
        frame = frame.with_columns(title=pl.Series([t for t, _ in texts.values()]),
                                   body=pl.Series([b for _, b in texts.values()]),
                                   content_hash=pl.Series([f"{t}|{b}" for t, b in texts.values()]))
        store.load_batch(con, {"articles": frame}, datetime(2026, 11, 28, 12))

    load({"a1": ("Caf\u00e9", "caf\u00c3\u00a9 au lait"), "a2": ("Caf\u00e9", "caf\u00e9 \u2014 clean")})
    assert mojibake_flags(con) == {"a1": True, "a2": False}
    assert store.run_checks(con)[check] == 1
    load({"a1": ("Caf\u00e9", "caf\u00e9 au lait"), "a2": ("Caf\u00e9", "caf\u00e9 \u2014 clean")})
    assert mojibake_flags(con) == {"a1": False, "a2": False}  # a1's new text, a2's the same
    assert store.run_checks(con)[check] == 0
    load({"a2": ("Great Things\u00e2\u20ac\u201dif", "caf\u00e9 \u2014 clean")})  # a mangled title
    assert mojibake_flags(con) == {"a1": False, "a2": True}
    assert store.run_checks(con)[check] == 1


def test_migration_021_marks_the_stored_texts_with_mojibake(con, monkeypatch):
    """The column articles.has_mojibake is filled for the rows stored before it (the migration's backfill,
    the load's own statement), so the check counts an old garbled text as it did when it read the texts."""
    migrate_through(con, monkeypatch, 20)
    for article_id, summary in (("a1", "M\u00fcnchen"), ("a2", "M\u00c3\u00bcnchen"), ("a3", None)):
        con.execute("insert into articles (article_id, canonical_url, source_id, title, summary, body, "
                    "published_at, published_source, first_seen_at, fetched_at, word_count, content_hash, "
                    "content_source) values (?, ?, 's1', 'T', ?, 'B', '2026-11-28 10:00', 'feed', "
                    "'2026-11-28 11:00', '2026-11-28 11:00', 1, 'h', 'feed')",
                    [article_id, f"https://x.test/{article_id}", summary])
    assert migrate_through(con, monkeypatch, 21) == ["021_articles_has_mojibake.sql"]
    assert mojibake_flags(con) == {"a1": False, "a2": True, "a3": False}
    assert store.run_checks(con)["articles_without_mojibake"] == 1


@pytest.mark.parametrize(("stored", "staged", "key"), [
    ([], [("a1", "https://x.test/1"), ("a1", "https://x.test/2")], "(article_id, a1) x2"),
    ([("a1", "https://x.test/1")], [("a2", "https://x.test/1")], "(canonical_url, https://x.test/1) x2"),
])
def test_a_load_that_would_store_an_article_key_twice_fails_whole(con, stored, staged, key):
    """articles' keys are held by the load (migration 020): an article_id or a canonical URL the load would
    store twice fails it, as the primary key and the unique constraint did, and nothing of the batch stays."""
    store.migrate(con)
    if stored:
        store.load_batch(con, {"articles": staged_articles(con, stored)}, datetime(2026, 11, 28))
    before = con.execute("select article_id, canonical_url from articles order by 1").fetchall()
    with pytest.raises(RuntimeError, match=re.escape(f"would store a key of articles more than once: {key}")):
        store.load_batch(con, {"articles": staged_articles(con, staged)}, datetime(2026, 11, 29))
    assert con.execute("select article_id, canonical_url from articles order by 1").fetchall() == before
    one_more = staged_articles(con, [("a3", "https://x.test/3")])
    store.load_batch(con, {"articles": one_more}, datetime(2026, 11, 29))
    assert con.execute("select count(*) from articles").fetchone()[0] == len(before) + 1


@pytest.mark.parametrize(("table", "frame", "key"), [
    ("article_entities", {"article_id": ["a1", "a1"], "entity_id": ["e1", "e1"], "mention_count": [1, 2],
                          "first_offset": [0, 5], "is_in_title": [False, False], "salience": [0.5, 0.6],
                          "surfaces": [["Putin"], ["Putin"]]}, "(a1, e1) x2"),
    ("article_signatures", {"article_id": ["a1", "a1"], "minhash": [[1], [2]]}, "(a1) x2"),
])
def test_a_load_that_would_store_a_key_twice_fails_whole_without_a_primary_key(con, table, frame, key):
    """The big tables' keys are held by the load (migration 019): a stage that would put a key in twice
    fails the load, as the primary key did, and nothing of the batch stays."""
    store.migrate(con)
    article = pl.DataFrame({"article_id": ["a1"]})
    con.execute("insert into article_versions values ('a0', 'h0', 'T', 'B', '2026-11-28')")
    before = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in BIG_TABLES}  # noqa: S608
    frames = {"article_versions": pl.DataFrame({"article_id": ["a1"], "content_hash": ["h1"], "title": ["T"],
                                                "body": ["B"], "seen_at": [datetime(2026, 11, 28)]}),
              table: pl.DataFrame(frame)}
    if table == "article_entities":
        frames["articles"] = article.clear()  # the mentions' statements read stage_articles (here empty)
    with pytest.raises(RuntimeError, match=re.escape(f"would store a key of {table} more than once: {key}")):
        store.load_batch(con, frames, datetime(2026, 11, 28))
    assert {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in BIG_TABLES} == before  # noqa: S608
    one = {name: values[:1] for name, values in frame.items()}
    store.load_batch(con, {**frames, table: pl.DataFrame(one)}, datetime(2026, 11, 28))
    assert con.execute(f"select count(*) from {table}").fetchone()[0] == 1  # noqa: S608


def test_fts_extension_loads_from_its_package_with_signatures_checked(con):
    path = store.load_extension(con, "fts")
    assert path.name == "fts.duckdb_extension"
    assert con.execute("select current_setting('allow_unsigned_extensions')").fetchone()[0] is False
    assert con.execute("select loaded from duckdb_extensions() where extension_name = 'fts'").fetchone()[0]


def test_a_locked_file_is_reported(tmp_path):
    path = tmp_path / "locked.duckdb"
    import subprocess
    import sys
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
        "time.sleep(30)"), str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(store.LockedError, match="locked by another process"), \
                store.connect(path, wait_seconds=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()
    with store.connect(path) as con:  # free again
        assert isinstance(con, duckdb.DuckDBPyConnection)


def test_a_held_writer_connection_serves_every_connect_writer_of_its_block_and_closes_after(tmp_path):
    """holding_writer: the run's steps under the ingest lock share one connection to the writer's file
    (each open and close cost 40-70 ms); another warehouse still gets its own, and once the block ends the
    file is free for another process."""
    import subprocess
    import sys

    published, other = tmp_path / "news.duckdb", tmp_path / "other.duckdb"
    with store.holding_writer(published):
        with store.connect_writer(published) as first:
            first.execute("create table t (x integer)")
        with store.connect_writer(published) as second, store.connect_writer(other) as elsewhere:
            assert second is first and elsewhere is not first
            second.execute("insert into t values (1)")
    opened = subprocess.run([sys.executable, "-c", (
        "import duckdb, sys; print(duckdb.connect(sys.argv[1]).execute('select x from t').fetchall())"),
        str(store.connection.writer_file(published))], capture_output=True, text=True, timeout=60)
    assert (opened.returncode, opened.stdout.strip()) == (0, "[(1,)]"), opened.stderr


def test_migrations_are_checkpointed_into_the_file_and_leave_no_write_ahead_log(tmp_path):
    """DuckDB 1.5 cannot replay some of the migrations' DDL from its write-ahead log (column comments on
    tables whose defaults call a function: duckdb/duckdb#19712): migrate checkpoints what it applied, so a
    process killed right after (its close's checkpoint never made) leaves a file that opens."""
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    assert store.migrate(con)
    con.execute("pragma disable_checkpoint_on_shutdown")  # as if killed: no checkpoint at the close
    con.close()
    wal = tmp_path / "w.duckdb.wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with duckdb.connect(str(path)) as again:
        assert store.migrate(again) == []
