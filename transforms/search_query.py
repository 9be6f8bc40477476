"""What `newsetl search` is asked, read into its parts, and what it shows of each result. Pure.

- `parse_query('"Red Sea" shipping -storm')`: the words BM25 ranks on ("red sea shipping"), the phrases a
  result must hold as written ("red sea"), the words it must not hold ("storm").
- `parse_since("7 days ago", as_of)`: an ISO date or instant, "today", "yesterday", "N days ago" (any unit
  transforms.normalise reads), counted back from the warehouse's "now" (analytics.as_of), never the wall
  clock; anything else is a ValueError that says what is accepted.
- `snippet(text, terms)`: the passage of a text around its first match, each match marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from transforms.normalise import parse_timestamp, resolve_relative_time

_PART = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchQuery:
    ranked: str                   # the words BM25 ranks on
    phrases: tuple[str, ...]      # lower case; each must be in the title or body as written
    excluded: tuple[str, ...]     # lower case; none may be in the title or body

    @property
    def terms(self) -> tuple[str, ...]:
        """What a snippet marks: the phrases, then the other words."""
        in_phrases = {w for p in self.phrases for w in p.split()}
        words = [w for w in _WORD.findall(self.ranked.lower()) if w not in in_phrases]
        return (*self.phrases, *words)


def parse_query(text: str) -> SearchQuery:
    """A query's words, quoted phrases and -excluded words or phrases. Raises ValueError for a query with
    nothing to look for."""
    ranked, phrases, excluded = [], [], []
    for match in _PART.finditer(text):
        negated = bool(match[1] or match[3])
        quoted = match[2]
        part = (quoted if quoted is not None else match[4]).strip()
        words = _WORD.findall(part.lower())
        if not words:
            continue
        if negated:
            excluded.append(" ".join(words))
        else:
            ranked.extend(words)
            if quoted is not None and len(words) > 1:
                phrases.append(" ".join(words))
    if not ranked:
        raise ValueError(f"nothing to search for in {text!r}: give at least one word that is not excluded")
    return SearchQuery(" ".join(ranked), tuple(phrases), tuple(excluded))


def parse_since(text: str, as_of: datetime) -> datetime:
    """The UTC instant `--since` means: an ISO date (its midnight) or instant, "today", "yesterday"
    (midnight of that day), "N days ago" and the like (as_of minus N days), all relative to `as_of`."""
    cleaned = " ".join(text.split()).lower()
    midnight = as_of.replace(hour=0, minute=0, second=0, microsecond=0)
    if cleaned == "today":
        return midnight
    if cleaned == "yesterday":
        return midnight - timedelta(days=1)
    moment = parse_timestamp(text.strip())
    if moment is None and not re.fullmatch(r"\d+", cleaned):
        moment = resolve_relative_time(cleaned if "ago" in cleaned else f"{cleaned} ago", as_of)
    if moment is None:
        raise ValueError(f"--since {text!r}: not a date; give an ISO date or time (2026-11-27, "
                         "2026-11-27T08:00Z), today, yesterday, or an age such as '7 days ago' or "
                         "'3 hours ago'")
    return moment


def snippet(text: str | None, terms: tuple[str, ...], width: int = 180, mark=("«", "»")) -> str:
    """The passage of `text` around its first match of any term (the start of the text when none
    matches), about `width` characters, cut at spaces, each match of a term marked with `mark`."""
    if not text:
        return ""
    flat = " ".join(text.split())
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(alternatives, re.IGNORECASE) if terms else None
    first = pattern.search(flat) if pattern else None
    start = max(0, (first.start() if first else 0) - width // 3)
    end = min(len(flat), start + width)
    if start > 0:
        start = flat.find(" ", start) + 1 or start
    if end < len(flat):
        end = flat.rfind(" ", start, end) if flat.rfind(" ", start, end) > start else end
    passage = flat[start:end]
    if pattern:
        passage = pattern.sub(lambda m: f"{mark[0]}{m.group()}{mark[1]}", passage)
    return ("… " if start > 0 else "") + passage + (" …" if end < len(flat) else "")
