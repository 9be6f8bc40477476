"""Entity canonicalisation with a tiny stand-in recogniser (the real spaCy model runs in the flow tests
and tests/flows/test_ner.py)."""

import polars as pl

from transforms.entities import (
    build_entity_tables,
    canonical_mentions,
    clean_surface,
    comentions,
    entity_id_for,
    ner_texts,
    recognise_mentions,
)

ARTICLES = pl.DataFrame({
    "article_id": ["a1", "a2", "a3"],
    "title": ["Putin backs accord", "Storm", "Putin backs accord"],
    "body": ["Vladimir Putin met Sergey Lavrov. Mr Putin spoke; President Putin left. Russia's plan.",
             "The storm hit the United States.",
             "Vladimir Putin met Sergey Lavrov. Mr Putin spoke; President Putin left. Russia's plan."],
    "summary": [None, None, None],
})


def fake_recogniser(calls: list):
    """Finds a fixed list of names by string search, and records each text it is asked to read."""
    names = [("Vladimir Putin", "PERSON"), ("Mr Putin", "PERSON"), ("President Putin", "PERSON"),
             ("Sergey Lavrov", "PERSON"), ("Russia's", "GPE"), ("the United States", "GPE"),
             ("Putin", "ORG"), ("2026", "DATE")]

    def recognise(texts):
        calls.extend(texts)
        out = []
        for text in texts:
            spans, taken = [], set()
            for name, label in names:
                start = text.find(name)
                while start >= 0:
                    if not taken & set(range(start, start + len(name))):
                        spans.append((start, start + len(name), label, name))
                        taken |= set(range(start, start + len(name)))
                    start = text.find(name, start + 1)
            out.append(sorted(spans))
        return out

    return recognise


def test_each_distinct_text_is_recognised_once():
    calls = []
    recognise_mentions(ner_texts(ARTICLES), fake_recogniser(calls))
    assert len(calls) == 2  # a1 and a3 carry the same text


def test_honorifics_possessives_and_the_are_stripped():
    assert clean_surface("Mr Putin", "person") == "Putin"
    assert clean_surface("President Putin", "person") == "Putin"
    assert clean_surface("Foreign Minister Sergey Lavrov", "person") == "Sergey Lavrov"
    assert clean_surface("Russia's", "place") == "Russia"
    assert clean_surface("Russia\u2019s", "place") == "Russia"
    assert clean_surface("the United States", "place") == "United States"
    assert clean_surface("The Independent", "organisation") == "The Independent"
    assert clean_surface("President", "person") == "President"  # nothing left after stripping: keep it


def test_putin_forms_are_one_entity_within_an_article():
    tables = build_entity_tables(ARTICLES, fake_recogniser([]))
    a1 = tables["article_entities"].filter(pl.col("article_id") == "a1")
    putin = entity_id_for("person", "Vladimir Putin")
    row = a1.filter(pl.col("entity_id") == putin).row(0, named=True)
    # title "Putin" (tagged ORG, relinked as the person), Vladimir Putin, Mr Putin, President Putin
    assert row["mention_count"] == 4
    assert row["is_in_title"] and row["first_offset"] == 0
    assert not a1.filter(pl.col("entity_id") == entity_id_for("person", "Putin")).height
    aliases = tables["entity_aliases"].filter(pl.col("entity_id") == putin)["alias"].to_list()
    assert set(aliases) == {"Vladimir Putin", "Putin"}


def test_numbers_and_dates_are_dropped_and_types_mapped():
    tables = build_entity_tables(ARTICLES, fake_recogniser([]))
    types = dict(tables["entities"].select("canonical_name", "entity_type").iter_rows())
    assert types["Russia"] == "place" and types["United States"] == "place"
    assert "2026" not in types


def test_a_surname_shared_by_two_full_names_stays_apart():
    mentions = pl.DataFrame({"article_id": ["x"] * 3, "start": [0, 20, 40], "end": [10, 30, 45],
                             "label": ["PERSON"] * 3,
                             "surface": ["John Smith", "Jane Smith", "Smith"]},
                            schema_overrides={"start": pl.Int32, "end": pl.Int32})
    names = canonical_mentions(mentions)["canonical_name"].to_list()
    assert names == ["John Smith", "Jane Smith", "Smith"]


def test_no_linking_across_articles():
    mentions = pl.DataFrame({"article_id": ["x", "y"], "start": [0, 0], "end": [10, 5],
                             "label": ["PERSON", "PERSON"], "surface": ["John Smith", "Smith"]},
                            schema_overrides={"start": pl.Int32, "end": pl.Int32})
    assert canonical_mentions(mentions)["canonical_name"].to_list() == ["John Smith", "Smith"]


def test_no_mentions_gives_empty_tables():
    tables = build_entity_tables(ARTICLES.head(0), fake_recogniser([]))
    assert all(frame.height == 0 for frame in tables.values())


def test_comentions_pairs_a_persons_name_with_every_other_name_of_its_articles_chunk_by_chunk():
    mentions = pl.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2", "a2", "a3", "a3"],
        "entity_type": ["person", "person", "place", "person", "organisation", "place", "organisation"],
        "canonical_name": ["Vladimir Putin", "Sergey Lavrov", "Russia", "Vladimir Putin", "Kremlin",
                           "Russia", "Kremlin"],
    })
    expected = {("person", "Vladimir Putin", "Sergey Lavrov"), ("person", "Vladimir Putin", "Russia"),
                ("person", "Sergey Lavrov", "Vladimir Putin"), ("person", "Sergey Lavrov", "Russia"),
                ("person", "Vladimir Putin", "Kremlin")}  # a3 has no person: no evidence for anyone
    assert set(comentions(mentions).rows()) == expected
    assert set(comentions(mentions, chunk=1).rows()) == expected
    assert comentions(mentions.clear()).columns == ["entity_type", "canonical_name", "co_name"]
