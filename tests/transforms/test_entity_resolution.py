"""Canonical entities across articles, with stand-in NER output (names already cleaned per article)."""

import polars as pl

from transforms.entity_resolution import Curation, resolve_entities, short_form_key

NAMES = {"entity_type": pl.String, "canonical_name": pl.String}
CO = {"entity_type": pl.String, "canonical_name": pl.String, "co_name": pl.String}
KNOWN = {"entity_id": pl.String, "canonical_name": pl.String, "entity_type": pl.String}
ALIASES = {"entity_id": pl.String, "alias": pl.String}


def names(*pairs):
    return pl.DataFrame([{"entity_type": t, "canonical_name": n} for t, n in pairs],
                        schema=NAMES).with_row_index("first_seen")


def co(*triples):
    rows = [{"entity_type": t, "canonical_name": n, "co_name": c} for t, n, c in triples]
    return pl.DataFrame(rows, schema=CO)


def resolve(batch, comentions=None, known=None, aliases=None, curation=None):
    out = resolve_entities(batch, comentions if comentions is not None else co(),
                           known if known is not None else pl.DataFrame(schema=KNOWN),
                           aliases if aliases is not None else pl.DataFrame(schema=ALIASES), curation)
    return {r["canonical_name"]: (r["resolved_type"], r["resolved_name"], r["entity_id"], r["rule"])
            for r in out.iter_rows(named=True)}


def test_short_forms_resolve_through_the_curated_list_whatever_ner_said():
    result = resolve(names(("place", "US"), ("organisation", "U.S."), ("place", "United States"),
                           ("place", "UK"), ("place", "Britain"), ("organisation", "UN"),
                           ("organisation", "EU"), ("organisation", "Nato"), ("organisation", "NATO")))
    assert {n: r[1] for n, r in result.items()} == {
        "US": "United States", "U.S.": "United States", "United States": "United States",
        "UK": "United Kingdom", "Britain": "United Kingdom", "UN": "United Nations",
        "EU": "European Union", "Nato": "NATO", "NATO": "NATO"}
    assert result["U.S."][0] == "place"
    assert short_form_key("the U.S.") == "us"


def test_transliteration_variants_merge_with_co_occurrence_evidence():
    batch = names(("person", "Sergey Lavrov"), ("person", "Sergei Lavrov"))
    evidence = co(("person", "Sergey Lavrov", "Moscow"), ("person", "Sergei Lavrov", "Moscow"))
    result = resolve(batch, evidence)
    assert result["Sergei Lavrov"][1:] == ("Sergey Lavrov", None, "variant")
    assert result["Sergey Lavrov"][1] == "Sergey Lavrov"


def test_string_distance_alone_never_merges():
    batch = names(("person", "Sergey Lavrov"), ("person", "Sergei Lavrov"))
    evidence = co(("person", "Sergey Lavrov", "Moscow"), ("person", "Sergei Lavrov", "Lima"))
    assert resolve(batch, evidence)["Sergei Lavrov"][1] == "Sergei Lavrov"


def test_places_are_never_merged_fuzzily():
    batch = names(("place", "Austria"), ("place", "Australia"), ("place", "Niger"), ("place", "Nigeria"))
    evidence = co(*[("place", n, "Europe") for n in ("Austria", "Australia", "Niger", "Nigeria")])
    assert {n: r[1] for n, r in resolve(batch, evidence).items()} == {
        "Austria": "Austria", "Australia": "Australia", "Niger": "Niger", "Nigeria": "Nigeria"}


def test_two_people_sharing_a_surname_in_different_articles_stay_apart():
    batch = names(("person", "John Smith"), ("person", "Jane Smith"), ("person", "Smith"))
    evidence = co(("person", "John Smith", "Arsenal"), ("person", "Jane Smith", "Arsenal"))
    result = resolve(batch, evidence)
    assert result["John Smith"][1] == "John Smith" and result["Jane Smith"][1] == "Jane Smith"
    assert result["Smith"][1] == "Smith"  # two owners: the lone surname is not guessed


def test_a_lone_surname_joins_the_one_stored_full_name():
    known = pl.DataFrame([{"entity_id": "e1", "canonical_name": "Vladimir Putin", "entity_type": "person"}],
                         schema=KNOWN)
    result = resolve(names(("person", "Putin")), known=known)
    assert result["Putin"] == ("person", "Vladimir Putin", "e1", "surname")


def test_stored_names_and_aliases_are_reused():
    known = pl.DataFrame([{"entity_id": "e1", "canonical_name": "Vladimir Putin", "entity_type": "person"},
                          {"entity_id": "e2", "canonical_name": "United States", "entity_type": "place"}],
                         schema=KNOWN)
    aliases = pl.DataFrame([{"entity_id": "e1", "alias": "V. Putin"}], schema=ALIASES)
    result = resolve(names(("person", "vladimir putin"), ("person", "V. Putin"), ("place", "U.S.")),
                     known=known, aliases=aliases)
    assert result["vladimir putin"][2:] == ("e1", "same_name")
    assert result["V. Putin"][2:] == ("e1", "stored_alias")
    assert result["U.S."][1:3] == ("United States", "e2")


def test_curation_merges_and_keeps_apart():
    curation = Curation.from_lists(merges=[("person", ["Volodymyr Zelensky", "Zelenskyy"])],
                                   never=[["Jordan", "Michael Jordan"]])
    batch = names(("person", "Zelenskyy"), ("person", "Michael Jordan"), ("person", "Jordan"))
    result = resolve(batch, curation=curation)
    assert result["Zelenskyy"][1:] == ("Volodymyr Zelensky", None, "curated")
    assert result["Jordan"][1] == "Jordan"
    assert resolve(names(("person", "Michael Jordan"), ("person", "Jordan")))["Jordan"][1] == "Michael Jordan"


def test_only_the_stored_comentions_of_people_a_variant_may_join_are_read_and_nothing_changes():
    """people_worth_evidence + stored_comentions (what a merge reads of the stored co-mentions) resolve
    every name as all the stored co-mentions do: seeded random stored articles and batches of variants."""
    import random

    from transforms.entities import comentions, stored_comentions
    from transforms.entity_resolution import people_worth_evidence
    rng = random.Random(15)
    firsts = ["Sergey", "Sergei", "Vladimir", "Volodymyr", "Anna", "Ana", "John", "Jon", "Maria", "Marya"]
    lasts = ["Lavrov", "Lavrow", "Putin", "Zelensky", "Zelenskyy", "Smith", "Smyth", "Ivanova", "Ivanov"]
    others = [("place", "Moscow"), ("place", "Kyiv"), ("organisation", "NATO"), ("organisation", "Kremlin")]
    stored_people = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(12)})
    known = pl.DataFrame([{"entity_id": f"e{i}", "canonical_name": n, "entity_type": t} for i, (t, n) in
                          enumerate([("person", p) for p in stored_people] + others)], schema=KNOWN)
    ids = dict(zip(known["canonical_name"], known["entity_id"], strict=True))
    recent = pl.DataFrame([{"article_id": f"a{a}", "entity_id": ids[n]} for a in range(60) for n in
                           {rng.choice(stored_people), rng.choice(stored_people), rng.choice(others)[1]}],
                          schema={"article_id": pl.String, "entity_id": pl.String})
    stored_mentions = recent.join(known, on="entity_id").select("article_id", "entity_type", "canonical_name")
    curation = Curation.from_lists([], [[stored_people[0], stored_people[1]]])
    read_less, variants = 0, 0
    for _ in range(30):
        people = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(4)} | {rng.choice(lasts)})
        batch = names(*[("person", p) for p in people], ("place", "Moscow"))
        mentions = pl.DataFrame([{"article_id": f"b{i % 3}", "entity_type": t, "canonical_name": n}
                                 for i, (_, t, n) in enumerate(batch.iter_rows())])
        everything = pl.concat([comentions(mentions), comentions(stored_mentions)])
        wanted = people_worth_evidence(people, known, pl.DataFrame(schema=ALIASES), curation)
        some = pl.concat([comentions(mentions), stored_comentions(recent, known, wanted)])
        assert resolve(batch, some, known, curation=curation) == resolve(batch, everything, known,
                                                                          curation=curation)
        read_less += some.height < everything.height
        variants += sum(r[3] == "variant" for r in resolve(batch, some, known, curation=curation).values())
    assert read_less > 0 and variants > 0
