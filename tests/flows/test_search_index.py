"""The full-text index kept up to date batch by batch gives the same BM25 scores as a rebuild."""

from __future__ import annotations

import random

import duckdb
import pytest

import store
import store.search

WORDS = ["putin", "lavrov", "barents", "sea", "accord", "fisheries", "norway", "russia", "arctic", "quota",
         "ministers", "talks", "vienna", "signed", "treaty", "cod", "stocks", "scientists", "data", "coast",
         "guard", "tromso", "murmansk", "the", "a", "is", "of", "and", "to", "in", "élection", "café",
         "naïve", "2026", "£40m", "U.S.", "co-operation"]
QUERIES = ("barents accord", "Putin", "fisheries quota talks", "cafe election", "co-operation", "cod",
           "zzz unknown", "the")


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def articles_db(rng: random.Random, count: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table articles (article_id varchar primary key, title varchar, body varchar)")
    con.executemany("insert into articles values (?, ?, ?)",
                    [(f"a{i:04d}", text(rng, 8), text(rng, rng.randint(0, 60))) for i in range(count)])
    return con


def scores(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, float]]]:
    store.load_extension(con, "fts")
    result = {}
    for query in QUERIES:
        rows = con.execute("""
            select article_id, fts_main_articles.match_bm25(article_id, ?) as score
            from articles where score is not null order by article_id""", [query]).fetchall()
        result[query] = [(a, round(s, 9)) for a, s in rows]
    return result


@pytest.mark.parametrize("articles_a_pass", [None, 7])  # 65 articles a load: one pass, or ten
@pytest.mark.parametrize("by_frame", [False, True])  # ids read from the table, or the load's own rows
def test_incremental_updates_score_like_a_rebuild(monkeypatch, articles_a_pass, by_frame):
    if articles_a_pass:
        monkeypatch.setattr(store.search, "INDEX_PASS_ARTICLES", articles_a_pass)
    rng = random.Random(7)
    con = articles_db(rng, 300)
    store.build_search_index(con)
    for batch in range(3):  # each load: some articles edited, some new
        changed = rng.sample([r[0] for r in con.execute("select article_id from articles").fetchall()], 25)
        for article_id in changed:
            con.execute("update articles set title = ?, body = ? where article_id = ?",
                        [text(rng, 6), text(rng, rng.randint(0, 80)), article_id])
        new = [(f"b{batch}{i:03d}", text(rng, 7), text(rng, rng.randint(1, 50))) for i in range(40)]
        con.executemany("insert into articles values (?, ?, ?)", new)
        batch_ids = changed + [n[0] for n in new]
        if by_frame:
            store.update_search_index(con, con.execute("select * from articles where list_contains($ids, "
                                                       "article_id)", {"ids": batch_ids}).pl())
        else:
            store.update_search_index(con, batch_ids)
    incremental = scores(con)

    rebuilt = duckdb.connect()  # the same articles, indexed from scratch
    rebuilt.register("current", con.execute("select * from articles").arrow())
    rebuilt.execute("create table articles as select * from current")
    store.build_search_index(rebuilt)
    assert incremental == scores(rebuilt)
    assert sum(len(v) for v in incremental.values()) > 300
    stats = con.execute("select num_docs from fts_main_articles.stats").fetchone()[0]
    assert stats == 300 + 3 * 40


def test_without_an_index_the_update_builds_it():
    con = articles_db(random.Random(1), 20)
    assert not store.has_search_index(con)
    store.update_search_index(con, ["a0001"])
    assert store.has_search_index(con)
    assert con.execute("select num_docs from fts_main_articles.stats").fetchone()[0] == 20


@pytest.mark.parametrize("ids", [[], ["no-such-article"]])
def test_an_update_with_nothing_to_index_changes_nothing(ids):
    con = articles_db(random.Random(2), 30)
    store.build_search_index(con)
    before = scores(con)
    store.update_search_index(con, ids)
    assert scores(con) == before


def test_articles_missing_from_the_index_are_found():
    con = articles_db(random.Random(3), 10)
    store.build_search_index(con)
    con.execute("insert into articles values ('z1', 'Barents accord signed', 'Ministers met in Vienna.')")
    assert store.unindexed_articles(con) == ["z1"]
    store.update_search_index(con, store.unindexed_articles(con))
    assert store.unindexed_articles(con) == []
