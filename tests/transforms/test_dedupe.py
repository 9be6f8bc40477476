from datetime import datetime

import polars as pl

from transforms.dedupe import KNOWN_SCHEMA, link_syndicated, merge_by_article, split_by_change

T = datetime(2026, 11, 28, 12)


def rows(*dicts):
    base = {"article_id": None, "title": None, "body": None, "authors": [], "content_source": "feed",
            "published_at": None, "published_source": "fetched", "fetched_at": T, "content_hash": None}
    return pl.DataFrame([base | d for d in dicts], schema={
        "article_id": pl.String, "title": pl.String, "body": pl.String, "authors": pl.List(pl.String),
        "content_source": pl.String, "published_at": pl.Datetime("us"), "published_source": pl.String,
        "fetched_at": pl.Datetime("us"), "content_hash": pl.String})


def known(*dicts):
    return pl.DataFrame(list(dicts), schema=KNOWN_SCHEMA)


def test_merge_takes_the_best_text_and_the_best_date():
    merged = merge_by_article(rows(
        {"article_id": "a", "title": "Card title", "body": "card text", "content_source": "listing",
         "published_at": datetime(2026, 11, 28, 6), "published_source": "relative"},
        {"article_id": "a", "title": "Page title", "body": "full text", "content_source": "page",
         "authors": ["Ann Lee"], "published_at": datetime(2026, 11, 27, 9), "published_source": "jsonld",
         "fetched_at": datetime(2026, 11, 28, 13)},
    ))
    row = merged.row(0, named=True)
    assert merged.height == 1
    assert (row["title"], row["body"], row["content_source"]) == ("Page title", "full text", "page")
    assert (row["published_at"], row["published_source"]) == (datetime(2026, 11, 27, 9), "jsonld")
    assert row["authors"] == ["Ann Lee"]
    assert row["first_seen_at"] == T


def test_merge_fills_what_the_best_row_lacks():
    merged = merge_by_article(rows(
        {"article_id": "a", "body": "full text", "content_source": "page"},
        {"article_id": "a", "title": "From the card", "content_source": "listing"},
    ))
    assert merged.row(0, named=True)["title"] == "From the card"


def test_syndicated_copy_points_at_the_first_carrier_in_batch_and_warehouse():
    batch = rows(
        {"article_id": "b", "content_hash": "h1", "published_at": datetime(2026, 11, 26, 14)},
        {"article_id": "c", "content_hash": "h1", "published_at": datetime(2026, 11, 26, 15)},
        {"article_id": "d", "content_hash": "h2", "published_at": datetime(2026, 11, 26, 15)},
    )
    linked = link_syndicated(batch, known())
    assert dict(linked.select("article_id", "duplicate_of").iter_rows()) == {"b": None, "c": "b", "d": None}
    stored = known({"article_id": "a", "url": None, "content_hash": "h1", "content_source": "page",
                    "published_at": datetime(2026, 11, 25), "published_source": "jsonld"})
    linked = link_syndicated(batch, stored)
    assert dict(linked.select("article_id", "duplicate_of").iter_rows()) == {"b": "a", "c": "a", "d": None}


def test_split_new_changed_unchanged():
    batch = rows(
        {"article_id": "new", "content_hash": "x"},
        {"article_id": "same", "content_hash": "s", "content_source": "page"},
        {"article_id": "edited", "content_hash": "e2", "content_source": "page"},
        {"article_id": "worse", "content_hash": "card", "content_source": "listing"},
    )
    stored = known(*[{"article_id": a, "url": None, "content_hash": h, "content_source": "page",
                      "published_at": T, "published_source": "jsonld"}
                     for a, h in (("same", "s"), ("edited", "e1"), ("worse", "full"))])
    split = split_by_change(batch, stored)
    assert split["new"]["article_id"].to_list() == ["new"]
    assert split["changed"]["article_id"].to_list() == ["edited"]
    assert sorted(split["unchanged"]["article_id"].to_list()) == ["same", "worse"]
