"""The entity aggregates (entity_day_counts, entity_week_counts, entity_outlet_counts) and entity_articles
kept by the load equal a recount from article_entities and articles after every kind of change: a run, a
batch that moves an article to another day and outlet and changes its entities, a merge, a split, a
retype, an ignore, a reprocess, a failed load (which changes nothing) and the migrations; sorting them by
entity changes no row."""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

import store
from flows.ingest import ingest
from newsetl.cli import app
from newsetl.config import writer_file

# What each aggregate must hold: everything counted again from the base tables.
RECOUNT = {
    "entity_day_counts": """
        select cast(a.published_at as date), ae.entity_id, count(*), count(distinct a.source_id),
               sum(ae.mention_count), count(*) filter (where ae.is_in_title)
        from article_entities ae join articles a using (article_id) group by all""",
    "entity_week_counts": """
        select cast(date_trunc('week', a.published_at) as date), ae.entity_id, count(*),
               count(distinct a.source_id), sum(ae.mention_count)
        from article_entities ae join articles a using (article_id) group by all""",
    "entity_outlet_counts": """
        select ae.entity_id, a.source_id, count(*), sum(ae.mention_count),
               count(*) filter (where ae.is_in_title), sum(cast(ae.salience as decimal(18, 3))),
               count(ae.salience), min(a.published_at), max(a.published_at)
        from article_entities ae join articles a using (article_id) group by all""",
    "entity_articles": """
        select ae.entity_id, a.published_at, ae.article_id from article_entities ae join articles a
        using (article_id)""",
}
# analytics.entity_summary as it was defined on the base tables before the aggregates (the oracle for the
# view that now reads entity_outlet_counts), except the mean salience: the sum of the 3-decimal saliences
# is now exact, so a mean on a tie rounds half up (Brussels here: 0.81 / 4 gives 0.203; the float average
# of the base tables gave 0.20249999 and 0.202).
SUMMARY_FROM_BASE_TABLES = """
    select e.entity_id, e.canonical_name, e.entity_type, m.first_seen_at, m.last_seen_at,
           coalesce(m.articles, 0), coalesce(m.outlets, 0), m.mentions, m.mean_salience
    from entities e
    left join (select ae.entity_id, min(a.published_at) as first_seen_at, max(a.published_at) as last_seen_at,
                      count(*) as articles, count(distinct a.source_id) as outlets,
                      cast(sum(ae.mention_count) as bigint) as mentions,
                      round(cast(sum(cast(ae.salience as decimal(18, 3))) as double)
                            / count(ae.salience), 3) as mean_salience
               from article_entities ae join articles a using (article_id) group by ae.entity_id) m
         using (entity_id)"""
SUMMARY = """select entity_id, entity, entity_type, first_seen_at, last_seen_at, articles, outlets, mentions,
                    mean_salience from analytics.entity_summary"""

runner = CliRunner()


def assert_aggregates_exact(path) -> dict[str, int]:
    """Every aggregate equals its recount, row for row; returns their sizes."""
    with duckdb.connect(str(path), read_only=True) as con:
        sizes = {}
        for table, recount in RECOUNT.items():
            kept = sorted(con.execute(f"select * from {table}").fetchall())  # noqa: S608 - our names
            assert kept == sorted(con.execute(recount).fetchall()), f"{table} differs from a recount"
            sizes[table] = len(kept)
        assert sorted(con.execute(SUMMARY).fetchall()) == sorted(
            con.execute(SUMMARY_FROM_BASE_TABLES).fetchall())
    return sizes


def test_a_run_counts_every_mention(loaded):
    _, db = loaded
    sizes = assert_aggregates_exact(db)
    assert sizes["entity_day_counts"] > 50 and sizes["entity_outlet_counts"] > 50
    with duckdb.connect(str(db), read_only=True) as con:
        mentions, = con.execute("select count(*) from article_entities").fetchone()
        counted, = con.execute("select sum(articles) from entity_outlet_counts").fetchone()
        assert counted == mentions  # every mention counted once
        # the views read the aggregates: Putin as the dashboard tests know him
        assert con.execute("""select articles, outlets from analytics.entity_summary
                              where entity = 'Vladimir Putin'""").fetchone() == (9, 5)
        by_outlet = con.execute("""select sum(articles), count(*) from analytics.entity_outlets
                                   where entity = 'Vladimir Putin'""").fetchone()
        assert by_outlet == (9, 5)


def test_a_batch_that_moves_and_changes_an_article_keeps_the_counts_exact(loaded):
    _, db = loaded
    writer = writer_file(db)
    with store.connect(writer) as con:
        article = con.execute("""select a.* from articles a join article_entities ae using (article_id)
                                 group by all order by count(*) desc, a.article_id limit 1""").pl()
        other_source, = con.execute("select source_id from sources where source_id <> ? limit 1",
                                    [article["source_id"][0]]).fetchone()
        entities = con.execute("select * from article_entities where article_id = ? order by entity_id",
                               [article["article_id"][0]]).pl()
        # a new version of the article: another day and outlet, one entity dropped, one mentioned more
        changed = article.with_columns(published_at=pl.lit(datetime(2026, 1, 5, 12, 0)),
                                       source_id=pl.lit(other_source), content_hash=pl.lit("changed"),
                                       published_source=pl.lit("jsonld"))
        kept = entities.slice(1).with_columns(mention_count=pl.col("mention_count") + 2)
        store.load_batch(con, {"articles": changed, "article_entities": kept}, datetime(2026, 11, 29))
        store.publish(con, db)
    assert_aggregates_exact(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from entity_day_counts where day = date '2026-01-05'"
                           ).fetchone()[0] == kept.height


def test_merge_and_split_keep_the_counts_exact(loaded):
    _, db = loaded
    result = runner.invoke(app, ["entities", "merge", "Sergey Lavrov", "Sergei Lavrov", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert_aggregates_exact(db)
    result = runner.invoke(app, ["entities", "split", "Sergey Lavrov", "Sergei Lavrov", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert_aggregates_exact(db)


def test_retype_and_ignore_keep_the_counts_exact_and_later_runs_keep_them(loaded):
    sources, db = loaded

    def types_of(*names):
        with duckdb.connect(str(db), read_only=True) as con:
            return sorted(con.execute("select canonical_name, entity_type from entities "
                                      "where canonical_name in ? order by all", [list(names)]).fetchall())

    assert types_of("Svalbard", "Edward") == [("Edward", "person"), ("Svalbard", "place")]
    result = runner.invoke(app, ["entities", "retype", "Svalbard", "organisation", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert_aggregates_exact(db)
    result = runner.invoke(app, ["entities", "ignore", "edward", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert_aggregates_exact(db)
    assert types_of("Svalbard", "Edward") == [("Svalbard", "organisation")]
    # every article is read and recognised again: the decisions are applied to the new mentions
    summary = ingest(sources_file=str(sources), warehouse_path=str(db), reprocess=True)
    assert summary.status == "completed"
    assert types_of("Svalbard", "Edward") == [("Svalbard", "organisation")]
    assert_aggregates_exact(db)


def test_reprocess_counts_everything_again_to_the_same_rows(loaded):
    sources, db = loaded
    before = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in RECOUNT:
            before[table] = sorted(con.execute(f"select * from {table}").fetchall())  # noqa: S608
    summary = ingest(sources_file=str(sources), warehouse_path=str(db), reprocess=True)
    assert summary.status == "completed"
    assert_aggregates_exact(db)
    with duckdb.connect(str(db), read_only=True) as con:
        for table in RECOUNT:
            assert sorted(con.execute(f"select * from {table}").fetchall()) == before[table]  # noqa: S608


def test_a_failed_load_leaves_the_counts_as_they_were(loaded):
    _, db = loaded
    writer = writer_file(db)
    with store.connect(writer) as con:
        before = {t: sorted(con.execute(f"select * from {t}").fetchall()) for t in RECOUNT}  # noqa: S608
        article = con.execute("select * from articles order by article_id limit 1").pl()
        moved = article.with_columns(published_at=pl.lit(datetime(2026, 2, 2)), content_hash=pl.lit("x"))
        with pytest.raises(RuntimeError, match="injected"):
            store.load_batch(con, {"articles": moved, "article_entities": con.execute(
                "select * from article_entities where article_id = ?", [article["article_id"][0]]).pl()},
                datetime(2026, 11, 29), fail_after="article_entities")
        assert {t: sorted(con.execute(f"select * from {t}").fetchall()) for t in RECOUNT} == before  # noqa: S608
        assert con.execute("select count(*) from duckdb_tables() where temporary").fetchone()[0] == 0


def test_a_warehouse_from_before_the_aggregates_gets_them_counted_by_the_migration(loaded):
    _, db = loaded
    writer = writer_file(db)
    with store.connect(writer) as con:  # as it was before migration 009
        for table in (*RECOUNT, "aggregate_layout"):
            con.execute(f"drop table {table}")  # noqa: S608 - our names
        con.execute("delete from schema_migrations where version in (9, 10)")
        assert store.migrate(con) == ["009_entity_aggregates.sql", "010_entity_articles.sql"]
        assert con.execute("select count(*) from aggregate_layout where sorted_at is not null "
                           "and unsorted_rows = 0").fetchone()[0] == 4
        store.apply_views(con)
        store.publish(con, db)
    sizes = assert_aggregates_exact(db)
    assert all(sizes.values())


def test_sorting_by_entity_changes_no_row_and_sorts(loaded, monkeypatch):
    _, db = loaded
    writer = writer_file(db)
    with store.connect(writer) as con:
        appended = dict(con.execute("select table_name, unsorted_rows from aggregate_layout").fetchall())
        assert appended["entity_articles"] > 0  # the run appended its rows, unsorted
        with store.transaction(con):
            assert sorted(store.sort_by_entity(con, force=True)) == sorted(appended)
        assert con.execute("select sum(unsorted_rows) from aggregate_layout").fetchone()[0] == 0
        for table in appended:
            ids = [r[0] for r in con.execute(f"select entity_id from {table} order by rowid").fetchall()]  # noqa: S608
            assert ids == sorted(ids), f"{table} is not in entity order"
        # a load appending past the share sorts again, in its transaction
        monkeypatch.setattr(store.aggregates, "SORT_MIN_ROWS", 1)
        monkeypatch.setattr(store.aggregates, "SORT_SHARE", 0.0)
        article = con.execute("select * from articles order by article_id limit 1").pl()
        mentions = con.execute("select * from article_entities where article_id = ?",
                               [article["article_id"][0]]).pl()
        store.load_batch(con, {"articles": article.with_columns(content_hash=pl.lit("again")),
                               "article_entities": mentions}, datetime(2026, 11, 29))
        assert con.execute("select sum(unsorted_rows) from aggregate_layout").fetchone()[0] == 0
        store.publish(con, db)
    assert_aggregates_exact(db)


def test_loads_in_one_batch_transaction_refresh_the_counts_once_and_exactly(loaded):
    """A run merged in chunks (store.batch_transaction): an article loaded by two chunks is taken away from
    the counts as it stood before the first and put in as it stands after the last, once, at the commit."""
    _, db = loaded
    with store.connect(writer_file(db)) as con:
        article = con.execute("""select a.* from articles a join article_entities ae using (article_id)
                                 group by all order by count(*) desc, a.article_id limit 1""").pl()
        entities = con.execute("select * from article_entities where article_id = ? order by entity_id",
                               [article["article_id"][0]]).pl()
        fresh = article.with_columns(article_id=pl.lit("fresh-article"), canonical_url=pl.lit(
            "https://example.org/fresh"), url=pl.lit("https://example.org/fresh"))
        fresh_entities = entities.with_columns(article_id=pl.lit("fresh-article"))
        days_before = con.execute("select count(*) from entity_day_counts").fetchone()[0]
        with store.batch_transaction(con):
            # chunk 1: the stored article moves to another day; a new article comes in
            moved = article.with_columns(published_at=pl.lit(datetime(2026, 1, 5, 12, 0)),
                                         content_hash=pl.lit("moved"), published_source=pl.lit("jsonld"))
            store.load_batch(con, {"articles": pl.concat([moved, fresh]),
                                   "article_entities": pl.concat([entities, fresh_entities])},
                             datetime(2026, 11, 29))
            # nothing refreshed yet: the counts wait for the batch's commit
            assert con.execute("select count(*) from entity_day_counts").fetchone()[0] == days_before
            # chunk 2: both met again, one entity fewer each, one mentioned more
            again = pl.concat([moved, fresh]).with_columns(content_hash=pl.lit("again"),
                                                          published_at=pl.lit(datetime(2026, 1, 6, 9, 0)))
            fewer = pl.concat([entities.slice(1), fresh_entities.slice(1)]).with_columns(
                mention_count=pl.col("mention_count") + 2)
            store.load_batch(con, {"articles": again, "article_entities": fewer}, datetime(2026, 11, 29))
        store.publish(con, db)
    assert_aggregates_exact(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from entity_day_counts where day = date '2026-01-05'"
                           ).fetchone()[0] == 0
        assert con.execute("select sum(articles) from entity_day_counts where day = date '2026-01-06'"
                           ).fetchone()[0] == fewer.height


def test_a_batch_transaction_that_fails_leaves_the_counts_as_they_were(loaded):
    _, db = loaded
    before = assert_aggregates_exact(db)
    with store.connect(writer_file(db)) as con:
        article = con.execute("select * from articles order by article_id limit 1").pl()
        with pytest.raises(RuntimeError, match="the second chunk"), store.batch_transaction(con):
            moved = article.with_columns(content_hash=pl.lit("x"), published_at=pl.lit(datetime(2026, 1, 5)))
            store.load_batch(con, {"articles": moved}, datetime(2026, 11, 29))
            raise RuntimeError("the second chunk failed")
        store.publish(con, db)
    assert assert_aggregates_exact(db) == before
