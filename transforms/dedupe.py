"""Deduplication: one row per article; copies of a text linked to the article that first carried it,
whether exact (the same text, whatever the headline: syndication, or one outlet under two URLs; all
shingles equal) or near (light edits of
wire copy: MinHash similarity of word 5-shingles at least NEAR_DUPLICATE_THRESHOLD); unchanged articles
left alone.

The threshold was chosen on bench/dedup/pairs.jsonl (labelled pairs; `python bench/eval_dedup.py`):
see the README for its precision and recall.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl

from transforms.normalise import DATE_RANK

# How much a text is worth, by where it came from: a full page beats a feed's text beats a listing card.
TEXT_RANK = {"page": 3, "feed": 2, "listing": 1}

KNOWN_SCHEMA = {"article_id": pl.String, "url": pl.String, "title": pl.String, "content_hash": pl.String,
                "content_source": pl.String, "published_at": pl.Datetime("us"), "published_source": pl.String,
                "fetched_at": pl.Datetime("us"), "duplicate_of": pl.String, "story_id": pl.String}
SIGNATURE_SCHEMA = {"article_id": pl.String, "minhash": pl.List(pl.UInt32)}
NEAR_DUPLICATE_THRESHOLD = 0.55
# The columns of an article's publication date, taken together from its best-ranked date source.
DATE_COLUMNS = ("published_at", "published_source", "published_note", "published_day", "published_utc_offset")


def _rank(column: str, ranks: dict[str, int]) -> pl.Expr:
    return pl.col(column).replace_strict(ranks, default=0, return_dtype=pl.Int8)


def merge_by_article(rows: pl.DataFrame) -> pl.DataFrame:
    """One row per article_id. Each column takes the first value present, reading the rows from the best
    text to the worst; the publish date comes from the best-ranked date source; first_seen_at is the
    earliest fetch."""
    dated_columns = [c for c in DATE_COLUMNS if c in rows.columns]
    ordered = rows.with_columns(
        pl.when(pl.col("authors").list.len() > 0).then(pl.col("authors")).alias("authors"),
    ).sort([_rank("content_source", TEXT_RANK), "fetched_at"], descending=[True, False])
    dated = (
        ordered.sort(_rank("published_source", DATE_RANK), descending=True, maintain_order=True)
        .group_by("article_id", maintain_order=True)
        .agg(*[pl.col(c).first() for c in dated_columns], pl.col("fetched_at").min().alias("first_seen_at"))
    )
    merged = (
        ordered.drop(dated_columns)
        .group_by("article_id", maintain_order=True)
        .agg(pl.all().drop_nulls().first())
        .with_columns(pl.col("authors").fill_null(pl.lit([], pl.List(pl.String))))
    )
    return merged.join(dated, on="article_id", how="left", maintain_order="left")


class _Components:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out


def _carrier_order(row: dict) -> tuple:
    """Who carried a text first: the earliest publish date (undated last), then the smaller id."""
    return (row["published_at"] is None, row["published_at"] or datetime.min, row["article_id"])


def duplicate_text(frame: pl.DataFrame) -> list[str | None]:
    """The text two articles are compared on: the body, else the summary, else the title."""
    return frame.select(pl.coalesce("body", "summary", "title")).to_series().to_list()


def link_duplicates(articles: pl.DataFrame, known: pl.DataFrame, known_signatures: pl.DataFrame,
                    threshold: float = NEAR_DUPLICATE_THRESHOLD) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`duplicate_of`, `duplicate_kind` (exact or near) and `duplicate_similarity` for each article of
    the batch: the article that first carried the same or nearly the same text (earliest publish date,
    then id), among the batch and the stored articles whose signatures are given. Returns the linked
    articles and the batch's signatures (to store).

    A copy always points at an original, never at another copy; an original keeps nulls."""
    # imported here, not with the module: numpy (0.06-0.1 s) only for a batch with articles to compare, not
    # for a run that finds nothing new (store.connection: leave_lookup_only_modules_unloaded)
    import numpy as np

    from transforms import minhash
    batch_sigs = minhash.signatures(duplicate_text(articles))
    batch_ids = articles["article_id"].to_list()
    stored = known_signatures.cast(SIGNATURE_SCHEMA).filter(~pl.col("article_id").is_in(batch_ids))
    ids = batch_ids + stored["article_id"].to_list()
    sigs = np.vstack([batch_sigs, minhash.signature_matrix(stored["minhash"])])
    is_new = np.arange(len(ids)) < len(batch_ids)
    near = [(ids[int(i)], ids[int(j)])
            for i, j, _sim in minhash.near_duplicate_pairs(sigs, is_new, threshold)]

    info = pl.concat([
        articles.select("article_id", "content_hash", "published_at",
                        pl.lit(None, pl.String).alias("stored_duplicate_of")),
        known.select("article_id", "content_hash", "published_at",
                     pl.col("duplicate_of").alias("stored_duplicate_of")),
    ]).unique("article_id", keep="first")
    # Only the texts of the batch and their near copies, with every article of the same hash, can be in a
    # group with one of the batch: an article meets another hash group only through a near pair, and every
    # near pair has one of the batch. The others (a stored warehouse's every article) are not made rows.
    touched = info.filter(pl.col("article_id").is_in([*batch_ids, *(a for pair in near for a in pair)]))
    hashed = info.filter(pl.col("content_hash").is_in(touched["content_hash"].drop_nulls().implode()))

    components = _Components()
    for group in hashed.group_by("content_hash").agg("article_id")["article_id"].to_list():
        for other in group[1:]:
            components.union(group[0], other)
    for a, b in near:
        components.union(a, b)

    batch = set(batch_ids)
    groups = [m for m in components.groups().values() if len(m) >= 2 and batch.intersection(m)]
    grouped = info.filter(pl.col("article_id").is_in([m for group in groups for m in group]))
    # the rows of the groups' members and of the stored originals they point at
    wanted = {*grouped["article_id"], *grouped["stored_duplicate_of"].drop_nulls()}
    by_id = {r["article_id"]: r for r in info.filter(pl.col("article_id").is_in(list(wanted)))
             .iter_rows(named=True)}
    row_of = {article_id: i for i, article_id in enumerate(ids) if article_id in wanted}

    links: dict[str, tuple[str, str, float]] = {}
    for members in groups:
        first = min(members, key=lambda m: _carrier_order(by_id[m]))
        first = by_id[first]["stored_duplicate_of"] or first
        for member in batch.intersection(members):
            if member == first:
                continue
            same_hash = by_id[member]["content_hash"] == by_id.get(first, {}).get("content_hash")
            sim = 1.0 if same_hash or first not in row_of else float(
                minhash.similarity(sigs[row_of[member]], sigs[row_of[first]]))
            links[member] = (first, "exact" if sim == 1.0 else "near", sim)
    linked = articles.with_columns(
        pl.Series("duplicate_of", [links.get(a, (None,))[0] for a in batch_ids], dtype=pl.String),
        pl.Series("duplicate_kind", [links.get(a, (None, None))[1] for a in batch_ids], dtype=pl.String),
        pl.Series("duplicate_similarity", [links.get(a, (None, None, None))[2] for a in batch_ids],
                  dtype=pl.Float64),
    )
    new_signatures = pl.DataFrame({"article_id": batch_ids, "minhash": batch_sigs.tolist()},
                                  schema=SIGNATURE_SCHEMA)
    return linked, new_signatures


def split_by_change(articles: pl.DataFrame, known: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Articles split into `new` (not in the warehouse), `changed` (a different text from a source at
    least as good as the stored one, or the same text from a better source: the page of an article first
    met as a listing card brings its authors and the publisher's date) and `unchanged` (everything else:
    same text from no better a source, or a worse copy of it, such as a listing card of an article we hold
    in full)."""
    joined = articles.join(
        known.select("article_id", pl.col("content_hash").alias("known_hash"),
                     pl.col("content_source").alias("known_source")),
        on="article_id", how="left", maintain_order="left",
    )
    is_new = pl.col("known_hash").is_null()
    rank, known_rank = _rank("content_source", TEXT_RANK), _rank("known_source", TEXT_RANK)
    is_changed = ~is_new & (((pl.col("content_hash") != pl.col("known_hash")) & (rank >= known_rank))
                            | (rank > known_rank))
    drop = ["known_hash", "known_source"]
    return {
        "new": joined.filter(is_new).drop(drop),
        "changed": joined.filter(is_changed).drop(drop),
        "unchanged": joined.filter(~is_new & ~is_changed).drop(drop),
    }
