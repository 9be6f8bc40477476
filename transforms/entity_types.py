"""One type per entity name: a vote across all the mentions of a name, so that "Bergen" tagged GPE in one
sentence and ORG in another is one entity, not two. Pure: everything it knows is handed in.

For each name (casefolded), in this order:

1. curation: a `[[retype]]` decision names the type; an `[[ignore]]`d name is dropped (a stop-list of
   words NER takes for names);
2. the vote: each type counts the distinct articles whose mentions give it, then its mentions; the type
   of a stored entity of that name counts as one more article (so a later run keeps the earlier type
   unless the new articles outvote it); ties of articles go to the stored type, then to more mentions,
   then to the type met first;
3. a name the gazetteers know as a place (transforms.gazetteer: "Svalbard", "Grimsby", "Dhaka") is a
   place when the vote made it an organisation or group, or a person of one word (never linked to a full
   name); but a name ever followed by a score (a club named after its city) stays an organisation;
4. a name known as a listed company and not as a place (transforms.gazetteer: "Babcock", "Tesco",
   "Rolls-Royce", "Barratt Redrow") is an organisation when the vote made it a place, or a person of one
   word that is not the surname of a person of the batch or the warehouse ("Powell" beside "Jerome
   Powell" stays a person, though Powell Industries is listed), or a person of several words that is a
   company's listed name itself, not only a short form of it ("Barratt Redrow" is, "Howard Hughes" of
   Howard Hughes Holdings is not). A group keeps the vote ("American").

A capitalised common word at the start of a sentence ("Turnout was low", "Commuters faced delays") is not
a name when the same word is also written in lower case in the batch's texts: such mentions are dropped
before the vote (`sentence_initial_common_words`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from transforms.entity_resolution import Curation, name_key

_LOWER_WORD = re.compile(r"\b[a-z][a-z'\u2019-]+\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\u2014\u2013\"\u201c]\s*|\n\s*)$")


def lower_case_words(texts: list[str]) -> frozenset[str]:
    """Every word written all in lower case somewhere in the texts."""
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(text))


def sentence_initial_common_words(
    mentions: pl.DataFrame, texts: pl.DataFrame, is_known_place: Callable[[str], bool]
) -> pl.Series:
    """For each mention (article_id, start, surface): True when it is one word at the start of a sentence
    or line that the texts also use as an ordinary lower-case word, and no known place ("Turkey")."""
    text_of = dict(texts.select("article_id", "text").iter_rows())
    common = lower_case_words(list(text_of.values()))
    flags = []
    for article_id, start, surface in mentions.select("article_id", "start", "surface").iter_rows():
        word = surface.strip()
        before = text_of.get(article_id, "")[max(0, start - 3) : start]
        flags.append(
            " " not in word
            and word.casefold() in common
            and bool(_SENTENCE_START.search(before))
            and not is_known_place(word)
        )
    return pl.Series(flags, dtype=pl.Boolean)


def vote_types(
    mentions: pl.DataFrame,
    stored_types: dict[str, str],
    curation: Curation,
    is_known_place: Callable[[str], bool],
    known_company_form: Callable[[str], str | None] = lambda name: None,
) -> dict[str, str | None]:
    """name key -> the one type of every mention of that name (None: ignored). mentions: article_id,
    entity_type, canonical_name, in reading order; stored_types: name key -> type of a stored entity."""
    articles: dict[str, dict[str, set[str]]] = {}
    counts: dict[str, dict[str, int]] = {}
    teams: set[str] = set()
    scored = (
        mentions["beside_score"]
        if "beside_score" in mentions.columns
        else pl.repeat(False, len(mentions), eager=True)
    )
    rows = mentions.select("article_id", "entity_type", "canonical_name").iter_rows()
    for (article_id, kind, name), team in zip(rows, scored.to_list(), strict=True):
        key = name_key(name)
        if team:
            teams.add(key)
        articles.setdefault(key, {}).setdefault(kind, set()).add(article_id)
        counts.setdefault(key, {}).setdefault(kind, 0)
        counts[key][kind] += 1
    surnames = {
        key.rsplit(" ", 1)[1] for key, by_type in articles.items() if " " in key and "person" in by_type
    }
    surnames |= {
        key.rsplit(" ", 1)[1] for key, kind in stored_types.items() if " " in key and kind == "person"
    }
    voted: dict[str, str | None] = {}
    for key, by_type in articles.items():
        if key in curation.ignored:
            voted[key] = None
            continue
        if key in curation.retypes:
            voted[key] = curation.retypes[key]
            continue
        stored = stored_types.get(key)
        score = {
            kind: (len(ids) + (kind == stored), kind == stored, counts[key][kind])
            for kind, ids in by_type.items()
        }
        if stored and stored not in score:
            score[stored] = (1, True, 0)
        order = list(score)  # first met first: max keeps the earliest of equal scores
        winner = max(order, key=lambda kind: score[kind])
        lone_person = winner == "person" and " " not in key
        known_place = is_known_place(key)
        if (lone_person or winner in ("organisation", "group")) and key not in teams and known_place:
            winner = "place"
        elif not known_place and winner in ("person", "place") and (company := known_company_form(key)):
            named = winner == "place" or (lone_person and key not in surnames)
            if named or (winner == "person" and " " in key and company == "name"):
                winner = "organisation"
        voted[key] = winner
    return voted


def with_voted_types(mentions: pl.DataFrame, voted: dict[str, str | None]) -> pl.DataFrame:
    """Mentions retyped by the vote; those of ignored names dropped."""
    keys = [name_key(n) for n in mentions["canonical_name"].to_list()]
    types = [voted.get(k, t) for k, t in zip(keys, mentions["entity_type"].to_list(), strict=True)]
    keep = [k not in voted or voted[k] is not None for k in keys]
    return mentions.with_columns(pl.Series("entity_type", types, dtype=pl.String)).filter(
        pl.Series(keep, dtype=pl.Boolean)
    )
