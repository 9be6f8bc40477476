"""Validate bench/entities/gold_aliases.jsonl and print its totals.

    python3 bench/entities/check_aliases.py [PATH] [--forms]

Checks, for every line: valid JSON with "id", "title", "body" and "mentions"; unique ids; a body of 2-5
sentences; every mention has "surface", "entity" (snake_case) and "type" (person, organisation, place,
group); an entity always has the same type; every surface occurs literally in the title or the body as a
whole word (so "Niger" inside "Nigeria" does not count) and at least once outside the occurrences of the
article's other, longer listed surfaces (so nothing is listed that only exists as part of another
mention); no (surface, entity) pair is listed twice in one article; each article names 2-5 entities;
each entity appears in at least 2 articles. Prints the totals, the surfaces shared by different
entities (the deliberate hard cases) and, with --forms, every entity's surface forms. Exits with status
1 on any error. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

TYPES = ("person", "organisation", "place", "group")
KEY = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
# A sentence ends at . ! or ? followed by a space and a capital letter; "U.S. lawmakers" does not split.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
ABBREVIATIONS = ("U.S.", "U.N.", "U.K.", "Mr.", "Ms.", "Dr.", "Jr.")


def occurrences(surface: str, text: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def sentences(body: str) -> int:
    parts = [p for p in SENTENCE_END.split(body.strip()) if p]
    count = 0
    for i, part in enumerate(parts):
        if i and (not part[0].isupper() or parts[i - 1].endswith(ABBREVIATIONS)):
            continue  # "a U.S. diplomat" or "the U.S. Senate": not a new sentence
        count += 1
    return count


def check(path: Path, show_forms: bool = False) -> int:
    errors: list[str] = []
    ids: set[str] = set()
    entity_type: dict[str, str] = {}
    entity_articles: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, Counter] = defaultdict(Counter)
    surface_entities: dict[str, set[str]] = defaultdict(set)
    mentions_per_type: Counter = Counter()
    n_mentions = 0
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: invalid JSON ({exc})")
            continue
        missing = {"id", "title", "body", "mentions"} - doc.keys()
        if missing:
            errors.append(f"line {n}: missing keys {sorted(missing)}")
            continue
        aid, title, body = doc["id"], doc["title"], doc["body"]
        if aid in ids:
            errors.append(f"{aid}: duplicate id")
        ids.add(aid)
        if not title.strip() or not body.strip():
            errors.append(f"{aid}: empty title or body")
        count = sentences(body)
        if not 2 <= count <= 5:
            errors.append(f"{aid}: body has {count} sentences (want 2-5)")
        text = title + "\n\n" + body
        surfaces = [m.get("surface", "") for m in doc["mentions"]]
        spans = {s: occurrences(s, text) for s in set(surfaces) if s}
        seen: set[tuple[str, str]] = set()
        entities_here: set[str] = set()
        for m in doc["mentions"]:
            surface, entity, etype = m.get("surface"), m.get("entity"), m.get("type")
            where = f"{aid} {surface!r}"
            if not surface or not entity or not etype:
                errors.append(f"{where}: mention needs surface, entity and type")
                continue
            if etype not in TYPES:
                errors.append(f"{where}: bad type {etype!r}")
            if not KEY.match(entity):
                errors.append(f"{where}: entity key {entity!r} is not snake_case")
            if entity_type.setdefault(entity, etype) != etype:
                errors.append(f"{where}: {entity} typed {etype!r} here, {entity_type[entity]!r} elsewhere")
            if (surface, entity) in seen:
                errors.append(f"{where}: listed twice for {entity}")
            seen.add((surface, entity))
            if surface not in text:
                errors.append(f"{where}: not in title or body")
            elif not spans[surface]:
                errors.append(f"{where}: occurs only inside a longer word")
            else:
                longer = [span for other, occ in spans.items()
                          if other != surface and len(other) > len(surface) for span in occ]
                free = [o for o in spans[surface] if not any(a <= o[0] and o[1] <= b for a, b in longer)]
                if not free:
                    errors.append(f"{where}: occurs only inside another listed surface")
            entities_here.add(entity)
            entity_articles[entity].add(aid)
            forms[entity][surface] += 1
            surface_entities[surface].add(entity)
            mentions_per_type[etype] += 1
            n_mentions += 1
        if not 2 <= len(entities_here) <= 5:
            errors.append(f"{aid}: names {len(entities_here)} entities (want 2-5)")
    for entity, articles in sorted(entity_articles.items()):
        if len(articles) < 2:
            errors.append(f"{entity}: appears in only {len(articles)} article(s)")

    for error in errors:
        print("ERROR", error)
    n_forms = sum(len(f) for f in forms.values())
    print(f"{path.name}: {len(lines)} articles, {n_mentions} mentions, {n_forms} surface forms "
          f"(distinct surface per entity), {len(surface_entities)} distinct surface strings, "
          f"{len(forms)} entities")
    per_entity = [len(f) for f in forms.values()]
    per_article = [len(a) for a in entity_articles.values()]
    if per_entity:
        print(f"forms per entity: min {min(per_entity)}, max {max(per_entity)}, "
              f"mean {sum(per_entity) / len(per_entity):.1f}; articles per entity: min {min(per_article)}, "
              f"max {max(per_article)}")
    for etype in TYPES:
        ents = [e for e, t in entity_type.items() if t == etype]
        print(f"  {etype:<12} {len(ents):>3} entities  {sum(len(forms[e]) for e in ents):>4} forms  "
              f"{mentions_per_type[etype]:>4} mentions")
    shared = {s: sorted(e) for s, e in surface_entities.items() if len(e) > 1}
    if shared:
        print("surfaces shared by different entities (resolve by context):")
        for surface, ents in sorted(shared.items()):
            print(f"  {surface!r}: {', '.join(ents)}")
    if show_forms:
        for entity in sorted(forms):
            print(f"  {entity} ({entity_type[entity]}): {' | '.join(sorted(forms[entity]))}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--forms"]
    default = Path(__file__).resolve().parent / "gold_aliases.jsonl"
    sys.exit(check(Path(args[0]) if args else default, show_forms="--forms" in sys.argv[1:]))
