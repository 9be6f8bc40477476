"""ALL-CAPS headlines and datelines recased before NER ("MINISTER RESIGNS OVER PORT DEAL", "BOSTON, Mass.").
A statistical model reads capitals as the sign of a name, so a shouted line gives it almost nothing, or
everything.

A shouted line (most of its letters capitals) and the capitals run that opens a line as a dateline are
rewritten word by word: each word takes the form the same text writes it in elsewhere ("Putin", "NATO",
"port"), else lower case (a gazetteer is no help here: "DEAL" is a town in Kent); in a
dateline (of more than three letters: "UN" may be an acronym) an unknown word takes a capital first letter
("SAN FRANCISCO"). A line's first word always starts with a capital.

The text keeps its length and every character its offset (a word whose case change would change its length
is left as it was), so the spans NER finds in the recased text are the spans of the original.
Pure: a text in, a text out.
"""

from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
LINE = re.compile(r"[^\n]+")
# A dateline: capitals that open a line, then a comma, a bracket or a dash ("BOSTON, Mass. --",
# "WASHINGTON (Reuters) -", "KYIV --").
DATELINE = re.compile(r"^\s*(?P<run>[A-Z][A-Z'\u2019.\-]*[A-Z](?:\s+[A-Z][A-Z'\u2019.\-]*[A-Z])*)"
                      r"(?=\s*(?:,|\(|\u2014|\u2013|-))")
SHOUTED_SHARE = 0.8
MIN_SHOUTED_LETTERS = 8
ACRONYM_MAX = 3


def is_shouted(line: str) -> bool:
    """Whether most of a line's letters are capitals (and it has enough of them to say so)."""
    cased = [c for c in line if c.isupper() or c.islower()]
    return len(cased) >= MIN_SHOUTED_LETTERS and sum(c.isupper() for c in cased) >= SHOUTED_SHARE * len(cased)


def case_evidence(text: str) -> dict[str, str]:
    """For each word the text writes in mixed-case lines, away from a sentence's start and from a
    dateline: its most common form there ("putin" -> "Putin", "nato" -> "NATO", "port" -> "port")."""
    forms: dict[str, Counter] = {}
    for line in LINE.finditer(text):
        if is_shouted(line.group()):
            continue
        dateline = DATELINE.match(line.group())
        for match in WORD.finditer(line.group(), dateline.end("run") if dateline else 0):
            before = line.group()[: match.start()].rstrip()
            if not before or before[-1] in ".!?:\"'\u201c\u2018(\u2014-":
                continue  # a sentence's first word is capitalised whatever it is
            word = match.group()
            forms.setdefault(word.casefold(), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def recased_word(word: str, evidence: dict[str, str], opens_line: bool, in_dateline: bool) -> str:
    """One shouted word as the text would write it (see the module's docstring); the same length."""
    known = evidence.get(word.casefold())
    if known is None:  # a dateline is a place ("SAN FRANCISCO")
        known = word[:1] + word[1:].lower() if in_dateline else word.lower()
    if opens_line:
        known = known[:1].upper() + known[1:]
    return known if len(known) == len(word) else word


def _recased_span(text: str, start: int, end: int, evidence: dict[str, str], in_dateline: bool) -> str:
    piece = text[start:end]
    out, last = [], 0
    for n, match in enumerate(WORD.finditer(piece)):
        out.append(piece[last: match.start()])
        word = match.group()
        out.append(recased_word(word, evidence, n == 0, in_dateline) if word.isupper() else word)
        last = match.end()
    out.append(piece[last:])
    return "".join(out)


def recased_for_ner(text: str) -> str:
    """`text` with its shouted lines and datelines recased (see the module's docstring); the same length,
    and the same text when nothing is shouted."""
    lines = list(LINE.finditer(text))
    shouted = [m for m in lines if is_shouted(m.group())]
    datelines = [(m, d) for m in lines if m not in shouted and (d := DATELINE.match(m.group()))
                 and len(d["run"].replace(" ", "")) > ACRONYM_MAX]
    if not shouted and not datelines:
        return text
    evidence = case_evidence(text)
    spans = [(m.start(), m.end(), False) for m in shouted]
    spans += [(m.start() + d.start("run"), m.start() + d.end("run"), True) for m, d in datelines]
    out, last = [], 0
    for start, end, in_dateline in sorted(spans):
        out.append(text[last:start])
        out.append(_recased_span(text, start, end, evidence, in_dateline))
        last = end
    out.append(text[last:])
    recased = "".join(out)
    return recased if len(recased) == len(text) else text
