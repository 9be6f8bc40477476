"""Entity quality: one type per name (the vote), known places, curation retype/ignore replayed on a later
run, and the issue-13 classes (ALL-CAPS text, spans across lines, numbers in spans, abbreviation dots, the
surname rule) on inline texts. Rules are shown with a stand-in recogniser that returns given spans, so each
test names exactly what NER said."""

from pathlib import Path

import polars as pl
import pytest

from newsetl.config import load_curation
from transforms.entities import build_entity_tables, clean_surface, recognise_mentions
from transforms.entity_resolution import Curation


def spans_of(table: dict[str, list[tuple[str, str]]]):
    """A recogniser returning, for each text, the spans of the (surface, label) pairs given for the first
    text it contains: every occurrence, by string search."""

    def recognise(texts):
        out = []
        for text in texts:
            spans = []
            for surface, label in next((v for k, v in table.items() if k in text), []):
                start = text.find(surface)
                while start >= 0:
                    spans.append((start, start + len(surface), label, surface))
                    start = text.find(surface, start + 1)
            out.append(sorted(spans))
        return out

    return recognise


def articles(*bodies: str, titles: tuple[str, ...] = ()) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(bodies))],
            "title": list(titles) or [""] * len(bodies),
            "body": list(bodies),
            "summary": [None] * len(bodies),
        }
    )


def typed(tables) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, kind in tables["entities"].select("canonical_name", "entity_type").iter_rows():
        out.setdefault(name, []).append(kind)
    return out


def test_one_name_is_one_entity_of_the_type_most_articles_give_it():
    texts = articles(
        "Ferries left Bergen at dawn.", "Bergen harbour was closed.", "Bergen said it would pay."
    )
    recognise = spans_of(
        {"dawn": [("Bergen", "GPE")], "harbour": [("Bergen", "GPE")], "pay": [("Bergen", "ORG")]}
    )
    assert typed(build_entity_tables(texts, recognise)) == {"Bergen": ["place"]}


def test_a_stored_type_keeps_its_entity_on_a_later_run():
    first = build_entity_tables(
        articles("Bergen harbour was closed."), spans_of({"harbour": [("Bergen", "GPE")]})
    )
    later = build_entity_tables(
        articles("Bergen said it would pay."),
        spans_of({"pay": [("Bergen", "ORG")]}),
        known_entities=first["entities"],
    )
    assert later["entities"]["entity_id"].to_list() == first["entities"]["entity_id"].to_list()
    assert later["entities"]["entity_type"].to_list() == ["place"]


def test_a_lone_word_that_a_gazetteer_knows_as_a_place_is_no_person():
    texts = articles("Scientists on Svalbard counted bears near Grimsby and Orkney.")
    recognise = spans_of({"bears": [("Svalbard", "PERSON"), ("Grimsby", "PERSON"), ("Orkney", "PERSON")]})
    assert typed(build_entity_tables(texts, recognise)) == {
        "Svalbard": ["place"],
        "Grimsby": ["place"],
        "Orkney": ["place"],
    }


def test_a_capitalised_common_word_opening_a_sentence_is_no_entity():
    texts = articles(
        "Turnout was low. Commuters waited. Ferry crossings stopped; the ferry and turnout "
        "figures and commuters said so. Ingrid Halvorsen spoke."
    )
    recognise = spans_of(
        {
            "Turnout": [
                ("Turnout", "PERSON"),
                ("Commuters", "ORG"),
                ("Ferry", "PERSON"),
                ("Ingrid Halvorsen", "PERSON"),
            ]
        }
    )
    assert typed(build_entity_tables(texts, recognise)) == {"Ingrid Halvorsen": ["person"]}


def test_a_span_stops_at_a_line_break():
    texts = articles("Storm Isolde\nThe Met Office issued warnings.")
    recognise = spans_of({"warnings": [("Storm Isolde\nThe Met Office", "ORG")]})
    assert typed(build_entity_tables(texts, recognise)) == {"Storm Isolde": ["organisation"]}


def test_a_score_is_not_part_of_a_club_name():
    texts = articles("Results\nHartley Town 2 Chorley Vale 1\nArsenal 11th")
    recognise = spans_of({"Results": [("Hartley Town 2", "ORG"), ("1\nArsenal 11th", "EVENT")]})
    mentions = recognise_mentions(pl.DataFrame({"article_id": ["a"], "text": [texts["body"][0]]}), recognise)
    assert mentions["surface"].to_list() == ["Hartley Town", "Arsenal"]
    text = texts["body"][0]
    assert [text[s:e] for s, e in mentions.select("start", "end").iter_rows()] == ["Hartley Town", "Arsenal"]


@pytest.mark.parametrize("surface", ["Acme Co.", "Harland Corp.", "Babcock Ltd.", "Acme Inc."])
def test_legal_form_abbreviations_keep_their_dot(surface):
    assert clean_surface(surface, "organisation") == surface


def test_the_surname_rule_never_retypes_a_known_place():
    texts = articles("Denzel Washington visited Washington on Monday.")
    recognise = spans_of({"Denzel": [("Denzel Washington", "PERSON"), ("Washington", "GPE")]})
    assert typed(build_entity_tables(texts, recognise)) == {
        "Denzel Washington": ["person"],
        "Washington": ["place"],
    }


def test_retype_and_ignore_in_entities_toml_are_applied_on_every_run(tmp_path: Path):
    toml = tmp_path / "entities.toml"
    toml.write_text(
        '[[retype]]\ntype = "organisation"\nnames = ["Harland"]\n\n[[ignore]]\nnames = ["Neopanamax"]\n',
        encoding="utf-8",
    )
    curation = load_curation(toml)
    assert curation.retypes == {"harland": "organisation"} and curation.ignored == {"neopanamax"}
    recognise = spans_of({"yard": [("Harland", "PERSON"), ("Neopanamax", "PERSON")]})
    first = build_entity_tables(
        articles("Harland's yard built a Neopanamax ship."), recognise, curation=curation
    )
    assert typed(first) == {"Harland": ["organisation"]}
    # a later run, with what the first stored: the decisions still hold, and no second Harland appears
    later = build_entity_tables(
        articles("Harland's yard built a Neopanamax ship again."),
        recognise,
        known_entities=first["entities"],
        curation=curation,
    )
    assert later["entities"]["entity_id"].to_list() == first["entities"]["entity_id"].to_list()
    assert typed(later) == {"Harland": ["organisation"]}
    # without the decision the vote alone keeps NER's type: the retype is what changed it
    assert typed(
        build_entity_tables(
            articles("Harland's yard built a Neopanamax ship."), recognise, curation=Curation()
        )
    ) == {"Harland": ["person"], "Neopanamax": ["person"]}


def test_a_club_named_after_its_city_is_no_place_but_the_city_is():
    texts = articles("Results\nBergen 2 Brann 1\nAberdeen 0-0 Hibernian", "Rain fell on Bergen all day.")
    recognise = spans_of(
        {
            "Results": [("Bergen", "GPE"), ("Brann", "PERSON"), ("Aberdeen", "GPE")],
            "Rain": [("Bergen", "GPE")],
        }
    )
    mentions = recognise_mentions(pl.DataFrame({"article_id": ["a"], "text": [texts["body"][0]]}), recognise)
    assert mentions.select("surface", "label", "beside_score").rows() == [
        ("Bergen", "ORG", True),
        ("Brann", "ORG", True),
        ("Aberdeen", "ORG", True),
    ]
    assert typed(build_entity_tables(texts.head(1), recognise)) == {
        "Bergen": ["organisation"],
        "Brann": ["organisation"],
        "Aberdeen": ["organisation"],
    }


def test_a_known_place_that_ner_calls_an_organisation_is_a_place():
    texts = articles("Floods in Dhaka closed schools across Karnataka and Northumberland.")
    recognise = spans_of({"Floods": [("Dhaka", "ORG"), ("Karnataka", "ORG"), ("Northumberland", "NORP")]})
    assert typed(build_entity_tables(texts, recognise)) == {
        "Dhaka": ["place"],
        "Karnataka": ["place"],
        "Northumberland": ["place"],
    }


def test_a_listed_company_that_ner_calls_a_person_or_a_place_is_an_organisation():
    texts = articles(
        "Babcock won the frigate contract; Tesco, Barratt Redrow and Rolls-Royce gained. Jerome Powell "
        "spoke; Powell left. Howard Hughes flew.",
        "Powell said rates would hold. Glasgow cheered.",
    )
    recognise = spans_of(
        {
            "frigate": [
                ("Babcock", "PERSON"),
                ("Tesco", "GPE"),
                ("Rolls-Royce", "PERSON"),
                ("Jerome Powell", "PERSON"),
                ("Barratt Redrow", "PERSON"),
                ("Howard Hughes", "PERSON"),
            ],
            "rates": [("Powell", "PERSON"), ("Glasgow", "PERSON")],
        }
    )
    got = typed(build_entity_tables(texts, recognise))
    assert {name: got[name] for name in ("Babcock", "Tesco", "Rolls-Royce", "Glasgow", "Barratt Redrow")} == {
        "Babcock": ["organisation"],
        "Barratt Redrow": ["organisation"],
        "Tesco": ["organisation"],
        "Rolls-Royce": ["organisation"],
        "Glasgow": ["place"],
    }
    # Powell Industries is listed, but "Powell" is the surname of a person in the batch: a person; Howard
    # Hughes Holdings is listed, but "Howard Hughes" only a short form of it: the vote's person stays
    assert "organisation" not in got.get("Powell", []) + got.get("Jerome Powell", [])
    assert got["Howard Hughes"] == ["person"]
