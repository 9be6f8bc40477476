"""Canonical entities across articles: which stored (or new) entity each in-article name stands for.

transforms.entities makes one name per entity within an article ("Mr Putin" -> "Vladimir Putin"). Here,
across articles, in this order:

1. curation: the overrides (`entities.toml` and `newsetl entities merge`) name the canonical form;
2. well-known short forms from a small curated list: "US", "U.S.", "USA", "the United States" -> United
   States (a place, whatever type NER gave it); "UK", "Britain"; "UN"; "EU"; "NATO", "Nato"; ...
3. the same name (any case) as a stored entity of the same type, or as one of its aliases;
4. a lone surname ("Putin", in an article naming no one else so) -> the one person full name, stored or in
   this batch, ending with it; two candidates ("John Smith", "Jane Smith") and it stays apart;
5. spelling and transliteration variants of a person's name ("Sergei Lavrov" / "Sergey Lavrov",
   "Zelenskyy" / "Zelensky"): every word similar (Jaro-Winkler >= FUZZY_MIN), the same number of words,
   and evidence from co-occurrence: the two names share at least MIN_SHARED_COMENTIONS co-mentioned
   entities. String distance alone never merges; places and organisations are never merged fuzzily
   ("Austria" / "Australia").

A pair the curation says never to merge is kept apart by rules 3-5. Pure: everything it knows of the
warehouse is handed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

FUZZY_MIN = 0.88
MIN_SHARED_COMENTIONS = 1

# Well-known short forms and other names -> (type, canonical name). Keys are folded with short_form_key.
CURATED: dict[str, tuple[str, str]] = {}
for _names, _type, _canonical in [
    (("US", "U.S.", "USA", "U.S.A.", "United States", "United States of America"), "place", "United States"),
    (("UK", "U.K.", "United Kingdom", "Britain", "Great Britain"), "place", "United Kingdom"),
    (("UN", "U.N.", "United Nations"), "organisation", "United Nations"),
    (("EU", "E.U.", "European Union"), "organisation", "European Union"),
    (("NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
     "organisation", "NATO"),
    (("UAE", "U.A.E.", "United Arab Emirates"), "place", "United Arab Emirates"),
    (("IMF", "International Monetary Fund"), "organisation", "International Monetary Fund"),
    (("WHO", "World Health Organization", "World Health Organisation"), "organisation",
     "World Health Organization"),
    (("USSR", "Soviet Union"), "place", "Soviet Union"),
    (("DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo"), "place",
     "Democratic Republic of the Congo"),
]:
    for _name in _names:
        CURATED[_name.casefold().replace(".", "")] = (_type, _canonical)

_SPACES = re.compile(r"\s+")


def short_form_key(name: str) -> str:
    return _SPACES.sub(" ", name.casefold().replace(".", "")).strip().removeprefix("the ")


def name_key(name: str) -> str:
    return _SPACES.sub(" ", name.casefold()).strip()


@dataclass(frozen=True)
class Curation:
    """Decisions of people: `merges` maps (type, name key) -> canonical name; `never` holds unordered
    pairs of name keys never to be merged; `retypes` maps a name key to its type, whatever NER said;
    `ignored` holds name keys that are no entity at all (see transforms.entity_types)."""

    merges: dict[tuple[str, str], str] = field(default_factory=dict)
    never: frozenset[frozenset[str]] = frozenset()
    retypes: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()

    def forbids(self, a: str, b: str) -> bool:
        return frozenset((name_key(a), name_key(b))) in self.never

    @classmethod
    def from_lists(cls, merges: list[tuple[str, list[str]]], never: list[list[str]],
                   retypes: list[tuple[str, list[str]]] = (), ignored: list[str] = ()) -> Curation:
        """merges: (type, [canonical, other names...]); never: [name, name, ...] groups; retypes:
        (type, [names...]); ignored: names. A later retype of a name wins over an earlier one."""
        merged = {(t, name_key(n)): names[0] for t, names in merges for n in names}
        pairs = {frozenset((name_key(a), name_key(b))) for group in never for a in group for b in group
                 if name_key(a) != name_key(b)}
        retyped = {name_key(n): t for t, names in retypes for n in names}
        return cls(merged, frozenset(pairs), retyped, frozenset(name_key(n) for n in ignored))


def _similar_names(a: str, b: str) -> bool:
    wa, wb = a.casefold().split(), b.casefold().split()
    return (len(wa) == len(wb) and a.casefold() != b.casefold()
            and all(JaroWinkler.similarity(x, y) >= FUZZY_MIN for x, y in zip(wa, wb, strict=True)))


def stored_names(known: pl.DataFrame, known_aliases: pl.DataFrame) -> dict[tuple[str, str], tuple[str, str]]:
    """(type, name key) -> (entity_id, canonical name) of the stored entities, by their canonical names and
    then their aliases (known: entity_id, canonical_name, entity_type; known_aliases: entity_id, alias)."""
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    for entity_id, canonical, kind in known.select("entity_id", "canonical_name", "entity_type").iter_rows():
        by_name[(kind, name_key(canonical))] = (entity_id, canonical)
    types = dict(known.select("entity_id", "entity_type").iter_rows())
    names_of = dict(known.select("entity_id", "canonical_name").iter_rows())
    for entity_id, alias in known_aliases.select("entity_id", "alias").iter_rows():
        if entity_id in types:
            by_name.setdefault((types[entity_id], name_key(alias)), (entity_id, names_of[entity_id]))
    return by_name


def by_name(kind: str, name: str, stored_by_name: dict,
            curation: Curation) -> tuple[str, str, str | None, str]:
    """Rules 1-3 for one name: (target type, target name, stored entity id or None, rule); rule "new" when
    none applies."""
    target_type, target_name, entity_id, rule = kind, name, None, "new"
    curated_name = curation.merges.get((kind, name_key(name)))
    short = CURATED.get(short_form_key(name))
    if curated_name:
        target_name, rule = curated_name, "curated"
    elif short:
        (target_type, target_name), rule = short, "short_form"
    stored = stored_by_name.get((target_type, name_key(target_name)))
    if stored and not (rule == "new" and curation.forbids(name, stored[1])):
        entity_id, target_name = stored
        rule = rule if rule != "new" else ("same_name" if name_key(stored[1]) == name_key(name)
                                           else "stored_alias")
    return target_type, target_name, entity_id, rule


def people_worth_evidence(batch_people: list[str], known: pl.DataFrame, known_aliases: pl.DataFrame,
                          curation: Curation | None = None) -> set[str]:
    """The name keys of the people whose co-mentions resolve_entities may compare (rule 5): the batch's
    people no stored name or curation resolves (rules 1-3), and every person, of the batch or stored, whose
    name is similar to one of theirs (_similar_names; first words matched in rapidfuzz first). A merge
    reads the stored co-mentions of these people only: those of every stored person grew with the
    warehouse (issue 15: at 20,000 stored articles, making them took some 240 MB a chunk)."""
    curation = curation or Curation()
    stored_by_name = stored_names(known, known_aliases)
    unresolved = [n for n in dict.fromkeys(batch_people)
                  if by_name("person", n, stored_by_name, curation)[3] == "new"]
    stored_people = [c for (k, _), (_, c) in stored_by_name.items() if k == "person"]
    people = list(dict.fromkeys(batch_people + stored_people))
    by_first: dict[str, list[str]] = {}
    for other in people:
        if words := other.casefold().split():
            by_first.setdefault(words[0], []).append(other)
    firsts = list(by_first)
    keys = {name_key(n) for n in unresolved}
    for name in unresolved:
        if not (words := name.casefold().split()):
            continue
        for first, _, _ in process.extract(words[0], firsts, scorer=JaroWinkler.similarity,
                                           score_cutoff=FUZZY_MIN, limit=None):
            keys.update(name_key(other) for other in by_first[first] if _similar_names(name, other))
    return keys


def resolve_entities(names: pl.DataFrame, comentions: pl.DataFrame, known: pl.DataFrame,
                     known_aliases: pl.DataFrame, curation: Curation | None = None) -> pl.DataFrame:
    """For each (entity_type, canonical_name) met in this batch: the entity it resolves to.

    names: entity_type, canonical_name, first_seen (order of appearance; earlier names win ties)
    comentions: entity_type, canonical_name, co_name: names met in the same articles (this batch and
        recent stored ones), for co-occurrence evidence
    known: entity_id, canonical_name, entity_type of stored entities; known_aliases: entity_id, alias
    Returns: entity_type, canonical_name, resolved_type, resolved_name, entity_id (null: a new entity,
        whose id the caller derives from resolved_type and resolved_name), rule."""
    curation = curation or Curation()
    stored_by_name = stored_names(known, known_aliases)
    co: dict[tuple[str, str], set[str]] = {}
    for kind, name, other in comentions.select("entity_type", "canonical_name", "co_name").iter_rows():
        co.setdefault((kind, name_key(name)), set()).add(name_key(other))

    batch = names.sort("first_seen").select("entity_type", "canonical_name").unique(maintain_order=True)
    people = [n for k, n in batch.iter_rows() if k == "person"]
    people += [c for (k, _), (_, c) in stored_by_name.items() if k == "person"]
    people = list(dict.fromkeys(people))

    rows = []
    resolved: dict[tuple[str, str], tuple[str, str, str | None]] = {}  # person key -> target
    for kind, name in batch.iter_rows():
        target_type, target_name, entity_id, rule = by_name(kind, name, stored_by_name, curation)
        if rule == "new" and kind == "person":
            target_name, entity_id, rule = _person_target(name, people, resolved, stored_by_name, co,
                                                          curation)
        resolved[(kind, name_key(name))] = (target_name, rule, entity_id)
        rows.append({"entity_type": kind, "canonical_name": name, "resolved_type": target_type,
                     "resolved_name": target_name, "entity_id": entity_id, "rule": rule})
    return pl.DataFrame(rows, schema={"entity_type": pl.String, "canonical_name": pl.String,
                                      "resolved_type": pl.String, "resolved_name": pl.String,
                                      "entity_id": pl.String, "rule": pl.String})


def _person_target(name: str, people: list[str], resolved: dict, stored_by_name: dict,
                   co: dict, curation: Curation) -> tuple[str, str | None, str]:
    """Rules 4 and 5 for one person name: (target name, stored entity id or None, rule)."""
    def stored_id(target: str) -> str | None:
        hit = stored_by_name.get(("person", name_key(target)))
        return hit[0] if hit else None

    def follow(target: str) -> str:  # a target that itself resolved elsewhere
        return resolved.get(("person", name_key(target)), (target,))[0]

    if " " not in name:
        owners = {follow(f) for f in people if " " in f and name_key(f).split()[-1] == name_key(name)
                  and not curation.forbids(name, f)}
        if len(owners) == 1:
            target = owners.pop()
            return target, stored_id(target), "surname"
    evidence = co.get(("person", name_key(name)), set())
    for other in people:
        settled = ("person", name_key(other)) in resolved or stored_id(other) is not None
        if not settled or not _similar_names(name, other) or curation.forbids(name, other):
            continue  # a variant joins a stored name or one met earlier, never a later one
        shared = evidence & co.get(("person", name_key(other)), set())
        if len(shared - {name_key(name), name_key(other)}) >= MIN_SHARED_COMENTIONS:
            target = follow(other)
            if name_key(target) != name_key(name):
                return target, stored_id(target), "variant"
    return name, None, "new"
