from collections import Counter
from datetime import datetime

import numpy as np
import polars as pl
import pytest

from transforms import minhash
from transforms.dedupe import (
    KNOWN_SCHEMA,
    SIGNATURE_SCHEMA,
    link_duplicates,
    merge_by_article,
    split_by_change,
)

T = datetime(2026, 11, 28, 12)


def rows(*dicts):
    base = {"article_id": None, "title": None, "body": None, "authors": [], "content_source": "feed",
            "published_at": None, "published_source": "fetched", "published_note": None, "fetched_at": T,
            "content_hash": None}
    return pl.DataFrame([base | d for d in dicts], schema={
        "article_id": pl.String, "title": pl.String, "body": pl.String, "authors": pl.List(pl.String),
        "content_source": pl.String, "published_at": pl.Datetime("us"), "published_source": pl.String,
        "published_note": pl.String, "fetched_at": pl.Datetime("us"), "content_hash": pl.String})


def known(*dicts):
    return pl.DataFrame([dict.fromkeys(KNOWN_SCHEMA) | d for d in dicts], schema=KNOWN_SCHEMA)


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


WIRE = ("Ferry operators and unions will resume talks on Monday after a week of strikes halted crossings "
        "between the islands and the mainland, the transport ministry said on Friday. Officials said both "
        "sides had agreed to independent mediation and that services would run on a reduced timetable "
        "until a deal is reached. Passengers were advised to check with operators before travelling.")
EDITED = (WIRE.replace("on Monday", "early next week")
          .replace("Passengers were advised", "Travellers were told"))
OTHER = ("The central bank left its main interest rate unchanged at four percent on Thursday, citing a "
         "slowing but still stubborn rise in services prices and a weaker outlook for exports this winter.")


def texts(*rows):
    return rows_with(*[{"article_id": a, "body": b, "content_hash": h, "published_at": p}
                       for a, b, h, p in rows])


def rows_with(*dicts):
    frame = rows(*dicts)
    return frame.with_columns(pl.lit(None, pl.String).alias("summary"))


def links(frame):
    return {r["article_id"]: (r["duplicate_of"], r["duplicate_kind"])
            for r in frame.iter_rows(named=True)}


def test_exact_and_near_copies_point_at_the_first_carrier():
    batch = texts(("b", WIRE, "h1", datetime(2026, 11, 26, 14)),
                  ("c", WIRE, "h1", datetime(2026, 11, 26, 15)),
                  ("e", EDITED, "h3", datetime(2026, 11, 26, 16)),
                  ("d", OTHER, "h2", datetime(2026, 11, 26, 15)))
    linked, sigs = link_duplicates(batch, known(), pl.DataFrame(schema=SIGNATURE_SCHEMA))
    assert links(linked) == {"b": (None, None), "c": ("b", "exact"), "e": ("b", "near"), "d": (None, None)}
    near = linked.filter(pl.col("article_id") == "e")["duplicate_similarity"][0]
    assert 0.5 <= near < 1.0
    assert sigs.height == 4 and sigs["minhash"].list.len().to_list() == [64] * 4


def test_a_copy_of_a_stored_article_points_at_it_or_at_its_original():
    _, stored_sigs = link_duplicates(texts(("a", WIRE, "h1", datetime(2026, 11, 25))), known(),
                                     pl.DataFrame(schema=SIGNATURE_SCHEMA))
    stored = known({"article_id": "a", "content_hash": "h1", "published_at": datetime(2026, 11, 25)},
                   {"article_id": "z", "content_hash": "h9", "published_at": datetime(2026, 11, 26),
                    "duplicate_of": "a"})
    linked, _ = link_duplicates(texts(("e", EDITED, "h3", datetime(2026, 11, 27)),
                                      ("c", WIRE, "h1", datetime(2026, 11, 27))), stored, stored_sigs)
    assert links(linked) == {"e": ("a", "near"), "c": ("a", "exact")}


def test_unrelated_texts_stay_apart():
    batch = texts(("x", WIRE, "h1", datetime(2026, 11, 26)), ("y", OTHER, "h2", datetime(2026, 11, 26)))
    linked, _ = link_duplicates(batch, known(), pl.DataFrame(schema=SIGNATURE_SCHEMA))
    assert links(linked) == {"x": (None, None), "y": (None, None)}


def test_split_new_changed_unchanged():
    batch = rows(
        {"article_id": "new", "content_hash": "x"},
        {"article_id": "same", "content_hash": "s", "content_source": "page"},
        {"article_id": "edited", "content_hash": "e2", "content_source": "page"},
        {"article_id": "worse", "content_hash": "card", "content_source": "listing"},
        {"article_id": "same_worse", "content_hash": "w", "content_source": "listing"},
        {"article_id": "same_better", "content_hash": "b", "content_source": "page"},
    )
    stored = known(*[{"article_id": a, "content_hash": h, "content_source": source,
                      "published_at": T, "published_source": "jsonld"}
                     for a, h, source in (("same", "s", "page"), ("edited", "e1", "page"),
                                          ("worse", "full", "page"), ("same_worse", "w", "page"),
                                          ("same_better", "b", "listing"))])
    split = split_by_change(batch, stored)
    assert split["new"]["article_id"].to_list() == ["new"]
    # the same text from a better source (a page read after the listing card) enriches the stored article
    assert split["changed"]["article_id"].to_list() == ["edited", "same_better"]
    assert sorted(split["unchanged"]["article_id"].to_list()) == ["same", "same_worse", "worse"]


def test_one_outlet_under_two_urls_is_an_exact_copy():
    batch = texts(("url1", WIRE, "h1", datetime(2026, 11, 26, 9)),
                  ("url2", WIRE, "h1", datetime(2026, 11, 26, 9)))
    linked, _ = link_duplicates(batch, known(), pl.DataFrame(schema=SIGNATURE_SCHEMA))
    assert links(linked) == {"url1": (None, None), "url2": ("url1", "exact")}
    assert linked["duplicate_similarity"].to_list() == [None, 1.0]


def test_stored_signatures_are_read_as_one_matrix_equal_to_their_rows():
    texts_ = [WIRE, EDITED, OTHER, None, ""]
    sigs = minhash.signatures(texts_)
    stored = pl.Series("minhash", sigs.tolist(), dtype=pl.List(pl.UInt32))
    matrix = minhash.signature_matrix(stored)
    assert matrix.dtype == np.uint32 and matrix.shape == (5, minhash.NUM_PERM)
    assert (matrix == sigs).all()
    assert minhash.signature_matrix(stored.clear()).shape == (0, minhash.NUM_PERM)
    with pytest.raises(pl.exceptions.ComputeError):
        minhash.signature_matrix(pl.Series("minhash", [[1, 2, 3]], dtype=pl.List(pl.UInt32)))


def test_candidate_pairs_are_the_pairs_that_share_a_band_bucket_of_2_to_max_bucket_rows():
    rng = np.random.default_rng(15)
    sigs = rng.integers(0, 2**32, (400, minhash.NUM_PERM), dtype=np.uint32)
    for i in range(1, 400):  # shared bands
        for band in rng.choice(minhash.BANDS, rng.integers(0, 3), replace=False):
            source = rng.integers(0, i)
            span = slice(band * minhash.ROWS, (band + 1) * minhash.ROWS)
            sigs[i, span] = sigs[source, span]
    sigs[1:80, :minhash.ROWS] = sigs[0, :minhash.ROWS]  # one bucket over MAX_BUCKET
    sigs[7] = minhash.EMPTY
    is_new = rng.random(400) < 0.3
    keys = minhash._band_keys(sigs)
    size = Counter((b, k) for row in keys for b, k in enumerate(row))
    expected = sorted({(i, j) for i in range(400) for j in range(i + 1, 400)
                       if (is_new[i] or is_new[j]) and 7 not in (i, j)
                       and any(keys[i, b] == keys[j, b] and 2 <= size[(b, keys[i, b])] <= minhash.MAX_BUCKET
                               for b in range(minhash.BANDS))})
    assert size[(0, keys[0, 0])] > minhash.MAX_BUCKET and len(expected) > 50
    assert minhash.candidate_pairs(sigs, is_new).tolist() == [list(p) for p in expected]
