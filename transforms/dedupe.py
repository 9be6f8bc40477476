"""Exact deduplication: one row per article, syndicated copies linked, unchanged articles left alone.

Near-duplicates (light edits of wire copy) and stories are a later stage; here two texts are the same when
their cleaned text hashes the same.
"""

from __future__ import annotations

import polars as pl

# How much a text is worth, by where it came from: a full page beats a feed's text beats a listing card.
TEXT_RANK = {"page": 3, "feed": 2, "listing": 1}
# How much a publish date is worth, by where it came from.
DATE_RANK = {"jsonld": 6, "meta": 5, "feed": 4, "time_tag": 3, "relative": 2, "fetched": 1}

KNOWN_SCHEMA = {"article_id": pl.String, "url": pl.String, "content_hash": pl.String,
                "content_source": pl.String, "published_at": pl.Datetime("us"), "published_source": pl.String}


def _rank(column: str, ranks: dict[str, int]) -> pl.Expr:
    return pl.col(column).replace_strict(ranks, default=0, return_dtype=pl.Int8)


def merge_by_article(rows: pl.DataFrame) -> pl.DataFrame:
    """One row per article_id. Each column takes the first value present, reading the rows from the best
    text to the worst; the publish date comes from the best-ranked date source; first_seen_at is the
    earliest fetch."""
    ordered = rows.with_columns(
        pl.when(pl.col("authors").list.len() > 0).then(pl.col("authors")).alias("authors"),
    ).sort([_rank("content_source", TEXT_RANK), "fetched_at"], descending=[True, False])
    dated = (
        ordered.sort(_rank("published_source", DATE_RANK), descending=True, maintain_order=True)
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("published_at").first(), pl.col("published_source").first(),
             pl.col("fetched_at").min().alias("first_seen_at"))
    )
    merged = (
        ordered.drop("published_at", "published_source")
        .group_by("article_id", maintain_order=True)
        .agg(pl.all().drop_nulls().first())
        .with_columns(pl.col("authors").fill_null(pl.lit([], pl.List(pl.String))))
    )
    return merged.join(dated, on="article_id", how="left")


def link_syndicated(articles: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """`duplicate_of`: the article that first carried the same text (earliest publish date, then id),
    among this batch and the articles already in the warehouse; null for the first carrier itself."""
    carriers = pl.concat([
        articles.select("article_id", "content_hash", "published_at"),
        known.select("article_id", "content_hash", "published_at"),
    ]).filter(pl.col("content_hash").is_not_null()).unique("article_id", keep="first")
    first_carrier = (
        carriers.sort(["published_at", "article_id"], nulls_last=True)
        .group_by("content_hash")
        .agg(pl.col("article_id").first().alias("first_carrier_id"))
    )
    return (
        articles.join(first_carrier, on="content_hash", how="left")
        .with_columns(
            pl.when(pl.col("first_carrier_id") != pl.col("article_id"))
            .then(pl.col("first_carrier_id")).otherwise(None).alias("duplicate_of")
        )
        .drop("first_carrier_id")
    )


def split_by_change(articles: pl.DataFrame, known: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Articles split into `new` (not in the warehouse), `changed` (a different text from a source at
    least as good as the stored one) and `unchanged` (everything else: same text, or a worse copy of it,
    such as a listing card of an article we hold in full)."""
    joined = articles.join(
        known.select("article_id", pl.col("content_hash").alias("known_hash"),
                     pl.col("content_source").alias("known_source")),
        on="article_id", how="left",
    )
    is_new = pl.col("known_hash").is_null()
    is_changed = (~is_new & (pl.col("content_hash") != pl.col("known_hash"))
                  & (_rank("content_source", TEXT_RANK) >= _rank("known_source", TEXT_RANK)))
    drop = ["known_hash", "known_source"]
    return {
        "new": joined.filter(is_new).drop(drop),
        "changed": joined.filter(is_changed).drop(drop),
        "unchanged": joined.filter(~is_new & ~is_changed).drop(drop),
    }
