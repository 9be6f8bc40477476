"""Validate bench/entities/gold_ner.jsonl and print its totals.

    python3 bench/entities/check_gold.py [PATH]

Checks, for every line: valid JSON with "id", "text" and "entities"; unique ids; every entity has
integer "start" < "end" inside the text, a label in PER/ORG/LOC/MISC, and "text" equal to
text[start:end]; spans carry no surrounding whitespace, no leading "the", no possessive "'s" and no
honorific or title; spans do not overlap; paragraphs are 60-160 words. Exits with status 1 on any
error. Standard library only.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")
TITLES = ("Mr ", "Mrs ", "Ms ", "Dr ", "Prof ", "Professor ", "President ", "Prime Minister ",
          "Chancellor ", "Senator ", "Sir ", "Dame ", "Governor ", "Mayor ", "King ", "Prince ",
          "Pope ", "General ", "Minister ")
MIN_WORDS, MAX_WORDS = 60, 160


def check(path: Path) -> int:
    errors: list[str] = []
    labels: Counter = Counter()
    distinct: dict[str, set] = {label: set() for label in LABELS}
    ids: set[str] = set()
    words = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: invalid JSON ({exc})")
            continue
        missing = {"id", "text", "entities"} - doc.keys()
        if missing:
            errors.append(f"line {n}: missing keys {sorted(missing)}")
            continue
        did, text = doc["id"], doc["text"]
        if did in ids:
            errors.append(f"{did}: duplicate id")
        ids.add(did)
        count = len(text.split())
        words.append(count)
        if not MIN_WORDS <= count <= MAX_WORDS:
            errors.append(f"{did}: {count} words (want {MIN_WORDS}-{MAX_WORDS})")
        spans = []
        for ent in doc["entities"]:
            start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
            where = f"{did} {start}-{end}"
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                errors.append(f"{where}: bad offsets")
                continue
            surface = text[start:end]
            if ent.get("text") != surface:
                errors.append(f"{where}: text {ent.get('text')!r} != text[start:end] {surface!r}")
            if label not in LABELS:
                errors.append(f"{where}: bad label {label!r}")
                continue
            if surface != surface.strip():
                errors.append(f"{where}: span {surface!r} has surrounding whitespace")
            if surface.lower().startswith("the "):
                errors.append(f"{where}: span {surface!r} starts with 'the'")
            if surface.endswith(("'s", "\u2019s")):
                errors.append(f"{where}: span {surface!r} ends with a possessive")
            if label == "PER" and surface.startswith(TITLES):
                errors.append(f"{where}: span {surface!r} starts with a title")
            if start > 0 and text[start - 1].isalnum() or end < len(text) and text[end].isalnum():
                errors.append(f"{where}: span {surface!r} cuts a word")
            spans.append((start, end, label))
            labels[label] += 1
            distinct[label].add(surface)
        spans.sort()
        for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                errors.append(f"{did}: overlapping spans {text[s1:e1]!r} and {text[s2:e2]!r}")

    for error in errors:
        print("ERROR", error)
    total = sum(labels.values())
    print(f"{path.name}: {len(lines)} paragraphs, {total} entity spans, "
          f"{sum(len(v) for v in distinct.values())} distinct (surface, label) pairs")
    if words:
        print(f"words per paragraph: min {min(words)}, max {max(words)}, "
              f"mean {sum(words) / len(words):.1f}, total {sum(words)}")
    for label in LABELS:
        print(f"  {label:<5} {labels[label]:>4} spans  {len(distinct[label]):>4} distinct surfaces")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parent / "gold_ner.jsonl"
    sys.exit(check(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
