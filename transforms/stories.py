"""Stories: articles about the same event, across outlets, grouped under one `story_id`.

An article joins the story of the articles published within STORY_WINDOW of it whose similarity to it
reaches STORY_THRESHOLD; otherwise it starts a story, whose id is its own article_id. So a story keeps its
id as it grows, and assignment is incremental: new articles are compared with the recent articles already
in the warehouse (and with each other, oldest first). An article that matches two stories joins them: the
story that started first keeps its id and absorbs the other (stored articles of the absorbed story are
re-pointed at load). A copy (duplicate_of) always joins its original's story.

Similarity is the weighted overlap of two articles' features: their named entities and the significant
words of their titles, each weighted by its inverse document frequency among the articles compared, so a
rare shared name ("Ingrid Halvorsen") counts for more than a common one ("Russia"):

    similarity(a, b) = sum(idf of shared features) / min(sum(idf of a's), sum(idf of b's))

Features carried by too many articles (more than GENERIC_SHARE of them and at least GENERIC_MIN) are
ignored, and at least MIN_SHARED features must be shared. Parameters were chosen on the labelled pairs in
bench/dedup/pairs.jsonl (`python bench/eval_dedup.py`).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from datetime import timedelta
from itertools import chain, groupby
from operator import itemgetter

import polars as pl

STORY_WINDOW = timedelta(hours=72)
STORY_THRESHOLD = 0.3
MIN_SHARED = 2
GENERIC_SHARE = 0.05
GENERIC_MIN = 50

_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
STOPWORDS = frozenset({
    "about", "after", "again", "against", "also", "amid", "among", "another", "around", "because",
    "been", "before", "being", "between", "both", "could", "does", "down", "during", "each", "even",
    "every", "first", "from", "further", "have", "having", "here", "into", "just", "last", "latest",
    "like", "live", "made", "make", "many", "more", "most", "much", "must", "near", "news", "next",
    "only", "other", "over", "said", "same", "says", "should", "since", "some", "such", "than", "that",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "today", "told",
    "under", "until", "update", "updates", "upon", "very", "week", "weeks", "were", "what", "when",
    "where", "which", "while", "will", "with", "without", "would", "year", "years", "your",
})

def title_features(title: str | None) -> set[str]:
    """Significant words of a title (4+ letters, not stop words), as features (interned: article_features)."""
    return {sys.intern(f"w:{w}") for w in _TITLE_WORD.findall((title or "").casefold()) if w not in STOPWORDS}


def article_features(articles: pl.DataFrame, article_entities: pl.DataFrame,
                     compared: frozenset[str] = frozenset()) -> dict[str, set[str] | tuple[str, ...]]:
    """article_id -> its features: entity ids ("e:...") and significant title words ("w:...").
    Each distinct feature is one string (sys.intern) shared by every article that has it: over the
    recent articles a merge compares with (20,000 articles, 600,000 mentions) a string per mention held
    ~55 MB more. The features of the articles in `compared` (the ones a merge assigns) are a set, which
    story_similarity takes first; the others' a tuple, a third of a set's memory or less (the sets of
    20,000 recent articles held 38 MB). Built an article at a time (the mentions in article order)."""
    titles = dict(articles.select("article_id", "title").iter_rows())

    def kept(article_id: str, features: set[str]) -> set[str] | tuple[str, ...]:
        return features if article_id in compared else tuple(features)

    features: dict[str, set[str] | tuple[str, ...]] = {}
    mentions = article_entities.select("article_id", "entity_id").sort("article_id", maintain_order=True)
    for article_id, rows in groupby(mentions.iter_rows(), key=itemgetter(0)):
        if article_id in titles:
            found = title_features(titles[article_id])
            found.update(sys.intern(f"e:{entity_id}") for _, entity_id in rows)
            features[article_id] = kept(article_id, found)
    for article_id, title in titles.items():  # the articles without a mention
        if article_id not in features:
            features[article_id] = kept(article_id, title_features(title))
    return features


def _idf(features: dict[str, set[str] | tuple[str, ...]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for feats in features.values():
        for f in feats:
            df[f] = df.get(f, 0) + 1
    n = len(features)
    generic = max(GENERIC_MIN, GENERIC_SHARE * n)
    return {f: math.log((n + 1) / c) for f, c in df.items() if c <= generic}


def feature_weight(features: set[str] | tuple[str, ...], idf: dict[str, float]) -> float:
    """The summed idf of an article's features (those without one count 0)."""
    # fsum: exactly rounded whatever the order of the sets (which varies with the process's hash seed)
    return math.fsum(idf.get(f, 0.0) for f in features)


def story_similarity(a: set[str], b: set[str] | tuple[str, ...], idf: dict[str, float],
                     weight_a: float | None = None, weight_b: float | None = None) -> float:
    """`weight_a`, `weight_b`: feature_weight of a and b, when the caller has them already."""
    shared = [idf[f] for f in a.intersection(b) if f in idf]
    if len(shared) < MIN_SHARED:
        return 0.0
    weight_a = feature_weight(a, idf) if weight_a is None else weight_a
    weight_b = feature_weight(b, idf) if weight_b is None else weight_b
    return math.fsum(shared) / min(weight_a, weight_b) if min(weight_a, weight_b) > 0 else 0.0


def assign_stories(batch: pl.DataFrame, batch_entities: pl.DataFrame, known: pl.DataFrame,
                   known_entities: pl.DataFrame, threshold: float = STORY_THRESHOLD
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`batch` (article_id, published_at, title, duplicate_of) with a `story_id` column, and the stored
    stories merged into another (story_id, merged_into) because a new article bridged them.

    `known` holds the stored articles new ones may join (article_id, published_at, title, story_id),
    `known_entities` their (article_id, entity_id) rows; `batch_entities` those of the batch. When a new
    article matches several stories, they become one: the one that started first keeps its id."""
    stored = known.filter(pl.col("story_id").is_not_null())
    features = article_features(pl.concat([batch.select("article_id", "title"),
                                           stored.select("article_id", "title")]),
                                pl.concat([batch_entities.select("article_id", "entity_id"),
                                           known_entities.select("article_id", "entity_id")]),
                                compared=frozenset(batch["article_id"].to_list()))
    idf = _idf(features)
    # each article's weight once, not again for every pair it is in
    weight = {article_id: feature_weight(feats, idf) for article_id, feats in features.items()}
    story_of = dict(stored.select("article_id", "story_id").iter_rows())
    published = dict(stored.select("article_id", "published_at").iter_rows())
    started = stored.group_by("story_id").agg(pl.col("published_at").min())
    story_start = dict(started.iter_rows())
    merged_into: dict[str, str] = {}

    def root(story: str) -> str:
        while story in merged_into:
            story = merged_into[story]
        return story

    index: dict[str, list[str]] = {}
    for article_id in stored["article_id"].to_list():
        for f in features[article_id]:
            if f in idf:
                index.setdefault(f, []).append(article_id)

    ordered = batch.sort("published_at", "article_id", nulls_last=True)
    for article_id, when, duplicate_of in ordered.select("article_id", "published_at",
                                                        "duplicate_of").iter_rows():
        story = root(story_of[duplicate_of]) if duplicate_of in story_of else None
        if story is None:
            matched: dict[str, float] = {}
            # only articles that share MIN_SHARED features with it can reach the threshold: counted in C
            # (most share one feature, and comparing them all cost 15 s a chunk at 20,000 stored articles)
            shared = Counter(chain.from_iterable(index.get(f, ()) for f in features[article_id] if f in idf))
            candidates = [other for other, count in shared.items() if count >= MIN_SHARED]
            for other in candidates:
                other_when = published.get(other)
                if when and other_when and abs(when - other_when) > STORY_WINDOW:
                    continue
                score = story_similarity(features[article_id], features[other], idf, weight[article_id],
                                         weight[other])
                if score >= threshold:
                    other_story = root(story_of[other])
                    matched[other_story] = max(score, matched.get(other_story, 0.0))
            if matched:
                # the story that started first absorbs the others this article bridges
                story = min(matched, key=lambda s: (story_start.get(s) is None, story_start.get(s), s))
                for other_story in matched:
                    if other_story != story:
                        merged_into[other_story] = story
            else:
                story = article_id
                story_start[story] = when
        story_of[article_id] = story
        published[article_id] = when
        for f in features[article_id]:
            if f in idf:
                index.setdefault(f, []).append(article_id)
    final = {a: root(s) for a, s in story_of.items()}
    stored_stories = set(stored["story_id"].to_list())
    merges = pl.DataFrame(
        [{"story_id": s, "merged_into": root(s)} for s in merged_into if s in stored_stories],
        schema={"story_id": pl.String, "merged_into": pl.String})
    storied = batch.with_columns(
        pl.col("article_id").replace_strict(final, return_dtype=pl.String).alias("story_id"))
    return storied, merges
