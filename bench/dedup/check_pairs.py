#!/usr/bin/env python3
"""Validate bench/dedup/pairs.jsonl and print summary statistics.

    python bench/dedup/check_pairs.py [path/to/pairs.jsonl]

Exit status 0 when every check passes, 1 otherwise. Standard library only.
"""

import collections
import json
import os
import re
import sys
from datetime import UTC, datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import texts  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

LABELS = texts.LABELS  # kind -> (near_duplicate, same_story)
HARD = ("hard_negative_same_topic", "hard_negative_boilerplate")
SIDE_KEYS = {"outlet", "url", "title", "body", "published_at"}
PAIR_KEYS = {"pair_id", "kind", "near_duplicate", "same_story", "a", "b", "note"}

# Capitalised words that are not names when they start a sentence / stand alone.
STOP = set(["A", "An", "And", "As", "At", "After", "Before", "But", "By", "For", "From", "He", "Her", "His", "How", "I", "If", "In", "It", "Its", "More", "Most", "Much", "No", "Not", "Nobody", "Of", "On", "Once", "One", "Or", "Our", "Over", "She", "Since", "So", "Some", "That", "The", "Their", "There", "These", "They", "This", "Those", "Three", "Two", "Under", "Unlike", "Until", "We", "What", "When", "Where", "While", "Who", "Why", "With", "Without", "You", "Your", "Yes", "Many", "Among", "All", "Every", "Each", "Both", "Neither", "None", "Nothing", "Anyone", "Anything", "Everyone", "Around", "About", "Early", "Late", "Later", "Local", "Other", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Dr", "Mr", "Mrs", "Ms", "St"])
CONNECT = {"of", "de", "da", "das", "van", "der", "des", "du", "la"}
WORD_RE = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9'\-]*|[0-9]+|[^\sA-Za-zÀ-ÿ0-9]")


def parse_time(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def sentences(body):
    out = []
    for para in body.split("\n\n"):
        for s in re.split(r'(?<=[.!?])["\']?\s+(?=["\'A-Z0-9])', para):
            s = s.strip()
            if s:
                out.append(s)
    return out


def norm_sentence(s):
    return " ".join(re.findall(r"[a-z0-9à-ÿ']+", s.lower()))


def long_sentences(body, min_words=9):
    return {n for n in (norm_sentence(s) for s in sentences(body)) if len(n.split()) >= min_words}


def entities(body):
    """Capitalised names: maximal runs of capitalised words (allowing 'of', 'de'...).
    Sentence-initial single words are kept only if they are not common words."""
    ents = set()
    for sent in sentences(body):
        toks = WORD_RE.findall(sent)
        i = 0
        while i < len(toks):
            t = toks[i]
            if t[:1].isupper() and t[:1].isalpha():
                j, run = i, []
                while j < len(toks) and (toks[j][:1].isupper() and toks[j][:1].isalpha()
                                         or (toks[j] in CONNECT and j + 1 < len(toks)
                                             and toks[j + 1][:1].isupper())):
                    run.append(toks[j])
                    j += 1
                while run and run[0] in STOP:
                    run.pop(0)
                while run and (run[-1] in CONNECT or run[-1] in STOP):
                    run.pop()
                if run:
                    name = " ".join(run).replace("'s", "")
                    if not (len(run) == 1 and i == 0 and name.lower() in body.lower().replace(name, "")):
                        ents.add(name)
                i = j
            else:
                i += 1
    return ents


def shared_entities(a, b):
    ea, eb = entities(a["title"] + ". " + a["body"]), entities(b["title"] + ". " + b["body"])
    text_a = a["title"] + " " + a["body"]
    text_b = b["title"] + " " + b["body"]
    shared = {e for e in ea if re.search(r"\b" + re.escape(e) + r"\b", text_b)}
    shared |= {e for e in eb if re.search(r"\b" + re.escape(e) + r"\b", text_a)}
    # collapse names contained in longer shared names ("Raman" inside "Priya Raman")
    return {e for e in shared if not any(e != f and re.search(r"\b" + re.escape(e) + r"\b", f) for f in shared)}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else os.path.join(HERE, "pairs.jsonl")
    errors = []

    def err(msg):
        errors.append(msg)

    pairs = []
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            try:
                pairs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"line {ln}: not JSON ({e})")
    ids = [p.get("pair_id") for p in pairs]
    if len(set(ids)) != len(ids):
        err("duplicate pair_id")

    url_content = {}
    for p in pairs:
        pid = p.get("pair_id")
        if set(p) != PAIR_KEYS:
            err(f"{pid}: keys {sorted(p)}")
            continue
        if p["kind"] not in LABELS:
            err(f"{pid}: unknown kind {p['kind']}")
            continue
        if (p["near_duplicate"], p["same_story"]) != LABELS[p["kind"]]:
            err(f"{pid}: labels do not match kind")
        if p["near_duplicate"] and not p["same_story"]:
            err(f"{pid}: near_duplicate implies same_story")
        for side in ("a", "b"):
            s = p[side]
            if set(s) != SIDE_KEYS:
                err(f"{pid}.{side}: keys {sorted(s)}")
                continue
            paras = s["body"].split("\n\n")
            nw = len(s["body"].split())
            if not (3 <= len(paras) <= 8):
                err(f"{pid}.{side}: {len(paras)} paragraphs")
            if not (120 <= nw <= 450):
                err(f"{pid}.{side}: {nw} words")
            if any(not x.strip() or x != x.strip() for x in paras):
                err(f"{pid}.{side}: empty or padded paragraph")
            t = parse_time(s["published_at"])
            if (t.year, t.month) != (2026, 11):
                err(f"{pid}.{side}: date {s['published_at']} not in Nov 2026")
            if not re.match(r"https?://(www\.)?[a-z0-9-]+\.example/", s["url"]):
                err(f"{pid}.{side}: url {s['url']}")
            prev = url_content.setdefault(s["url"], s)
            if prev != s:
                err(f"{pid}.{side}: url {s['url']} reused for different content")
        a, b = p["a"], p["b"]
        if a == b:
            err(f"{pid}: both sides identical")
        if not p["near_duplicate"] and a["body"] == b["body"]:
            err(f"{pid}: identical bodies but near_duplicate is false")
        if not p["near_duplicate"] and a["url"] == b["url"]:
            err(f"{pid}: same url but near_duplicate is false")
        if p["kind"].startswith("wire_") and a["outlet"] == b["outlet"]:
            err(f"{pid}: wire copy at the same outlet")
        if p["kind"] == "wire_exact" and a["body"] != b["body"]:
            err(f"{pid}: wire_exact bodies differ")
        if p["kind"] == "wire_light_edit" and a["body"] == b["body"]:
            err(f"{pid}: wire_light_edit bodies identical")
        if p["kind"] == "wire_heavy_trim":
            pa, pb = a["body"].split("\n\n"), b["body"].split("\n\n")
            short, full = (pa, pb) if len(pa) < len(pb) else (pb, pa)
            if full[:len(short)] != short or not (0.4 <= len(short) / len(full) <= 0.6):
                err(f"{pid}: heavy trim is not a 40-60% paragraph prefix")
        if p["kind"] == "hard_negative_boilerplate" and a["outlet"] != b["outlet"]:
            err(f"{pid}: boilerplate pair from different outlets")
        hours = abs((parse_time(b["published_at"]) - parse_time(a["published_at"])).total_seconds()) / 3600
        if p["kind"] == "same_event_independent" and hours > 48:
            err(f"{pid}: independent reports {hours:.1f}h apart")
        if p["kind"] == "same_event_follow_up" and not (12 <= hours <= 72):
            err(f"{pid}: follow-up {hours:.1f}h apart")

    # verbatim sentence sharing (> 8 words)
    share = collections.Counter()
    for p in pairs:
        common = long_sentences(p["a"]["body"]) & long_sentences(p["b"]["body"])
        if common:
            share[p["kind"]] += 1
            if p["kind"] in ("same_event_independent", "same_event_follow_up", "hard_negative_same_topic",
                             "unrelated"):
                err(f"{p['pair_id']} ({p['kind']}): shares sentence(s) verbatim: {sorted(common)[:1]}")

    # ---- report
    kinds = collections.Counter(p["kind"] for p in pairs)
    print(f"pairs: {len(pairs)}")
    print(f"{'kind':28} {'count':>5}  near_dup  same_story")
    for k in LABELS:
        nd, ss = LABELS[k]
        print(f"{k:28} {kinds[k]:5}  {str(nd):8}  {str(ss)}")
    nd_pos = sum(p["near_duplicate"] for p in pairs)
    ss_pos = sum(p["same_story"] for p in pairs)
    hard = sum(kinds[k] for k in HARD)
    print(f"near_duplicate: {nd_pos} true / {len(pairs) - nd_pos} false")
    print(f"same_story:     {ss_pos} true / {len(pairs) - ss_pos} false")
    print(f"hard negatives: {hard}")
    print("pairs sharing a verbatim sentence of >8 words, by kind:",
          {k: share[k] for k in LABELS})

    print("mean shared capitalised names per pair, by kind:")
    ent_means = {}
    for k in LABELS:
        vals = [len(shared_entities(p["a"], p["b"])) for p in pairs if p["kind"] == k]
        if vals:
            ent_means[k] = sum(vals) / len(vals)
            print(f"  {k:28} {ent_means[k]:.2f}")
    hv = [len(shared_entities(p["a"], p["b"])) for p in pairs if p["kind"] in HARD]
    hard_mean = sum(hv) / len(hv) if hv else 0.0
    topic_mean = ent_means.get("hard_negative_same_topic", 0.0)
    print(f"  all hard negatives (same_topic + boilerplate): {hard_mean:.2f}")
    outlets = {p[s]["outlet"] for p in pairs for s in "ab"}
    print(f"outlets used: {len(outlets)}; distinct article URLs: {len(url_content)}")

    if len(pairs) < 240:
        err("fewer than 240 pairs")
    if nd_pos < 85:
        err("fewer than 85 near_duplicate positives")
    if ss_pos < 100:
        err("fewer than 100 same_story positives")
    if hard < 65:
        err("fewer than 65 hard negatives")
    if topic_mean < 2 or hard_mean < 2:
        err(f"hard negatives share < 2 names on average ({topic_mean:.2f} / {hard_mean:.2f})")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors[:50]:
            print("  -", e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
