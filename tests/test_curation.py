"""`newsetl entities merge|split|retype|ignore` on a real DuckDB file, and the decisions kept for later
runs."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
from typer.testing import CliRunner

import store
from newsetl.cli import app
from newsetl.config import ConfigError, load_curation
from transforms.entities import entity_id_for

runner = CliRunner()
LAVROV_Y, LAVROV_I = entity_id_for("person", "Sergey Lavrov"), entity_id_for("person", "Sergei Lavrov")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "news.duckdb"
    entities = pl.DataFrame({"entity_id": [LAVROV_Y, LAVROV_I],
                             "canonical_name": ["Sergey Lavrov", "Sergei Lavrov"],
                             "entity_type": ["person", "person"]})
    aliases = pl.DataFrame({"entity_id": [LAVROV_Y, LAVROV_Y, LAVROV_I],
                            "alias": ["Sergey Lavrov", "Lavrov", "Sergei Lavrov"]})
    rows = pl.DataFrame({
        "article_id": ["a1", "a2", "a3"], "entity_id": [LAVROV_Y, LAVROV_I, LAVROV_I],
        "mention_count": [2, 1, 3], "first_offset": [5, 0, 9], "is_in_title": [False, True, False],
        "salience": [0.3, 0.7, 0.4], "surfaces": [["Sergey Lavrov", "Lavrov"], ["Sergei Lavrov"],
                                                  ["Sergei Lavrov"]],
    }, schema_overrides={"mention_count": pl.Int32, "first_offset": pl.Int32})
    seen = pl.lit(datetime(2026, 11, 28)).alias("first_seen_at")
    with store.connect(path) as con:
        store.migrate(con)
        for table, frame in (("entities", entities.with_columns(seen)),
                             ("entity_aliases", aliases.with_columns(seen)), ("article_entities", rows)):
            con.register("fixture", frame)
            con.execute(f"insert into {table} by name select * from fixture")  # noqa: S608 - test tables
            con.unregister("fixture")
    return path


def rows(path, sql):
    with store.connect(path, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_merge_moves_articles_and_aliases_and_is_recorded(db):
    result = runner.invoke(app, ["entities", "merge", "Sergey Lavrov", "Sergei Lavrov", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert "merged Sergei Lavrov into Sergey Lavrov (person)" in result.output
    assert rows(db, "select entity_id, count(*) from article_entities group by 1") == [(LAVROV_Y, 3)]
    assert {a for (a,) in rows(db, "select alias from entity_aliases")} == {"Sergey Lavrov", "Lavrov",
                                                                             "Sergei Lavrov"}
    assert rows(db, "select count(*) from entities") == [(1,)]
    decisions = rows(db, "select kind, entity_type, names from entity_decisions")
    assert decisions == [("merge", "person", ["Sergey Lavrov", "Sergei Lavrov"])]
    curation = load_curation(None, decisions)
    assert curation.merges[("person", "sergei lavrov")] == "Sergey Lavrov"


def test_split_gives_the_name_its_own_entity_again_and_forbids_the_merge(db):
    runner.invoke(app, ["entities", "merge", "Sergey Lavrov", "Sergei Lavrov", "-w", str(db)])
    result = runner.invoke(app, ["entities", "split", "Sergey Lavrov", "Sergei Lavrov", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert sorted(rows(db, "select article_id, entity_id from article_entities")) == [
        ("a1", LAVROV_Y), ("a2", LAVROV_I), ("a3", LAVROV_I)]
    curation = load_curation(None, rows(db, "select kind, entity_type, names from entity_decisions "
                                            "order by decided_at"))
    assert curation.forbids("Sergey Lavrov", "Sergei Lavrov")


def test_unknown_or_ambiguous_names_are_clear_errors(db):
    result = runner.invoke(app, ["entities", "merge", "Sergey Lavrov", "Nobody", "-w", str(db)])
    assert result.exit_code == 2 and "no entity is called 'Nobody'" in result.output
    assert rows(db, "select count(*) from entity_decisions") == [(0,)]


def test_the_curation_file_is_validated(tmp_path):
    bad = tmp_path / "entities.toml"
    bad.write_text('[[merge]]\ntype = "human"\nnames = ["A", "B"]\n')
    with pytest.raises(ConfigError, match=r"merge\[0\]: type must be one of person"):
        load_curation(bad)
    bad.write_text('[[never_merge]]\nnames = ["A"]\n')
    with pytest.raises(ConfigError, match=r"never_merge\[0\]: names must list at least two names"):
        load_curation(bad)
    assert load_curation(tmp_path / "absent.toml").merges == {}


def test_entities_list_and_show_print_types_counts_and_aliases(db):
    listed = runner.invoke(app, ["entities", "list", "--type", "person", "--warehouse", str(db)])
    assert listed.exit_code == 0, listed.output
    assert listed.output.splitlines() == ["entity,type,articles,mentions", "Sergei Lavrov,person,2,4",
                                          "Sergey Lavrov,person,1,2"]
    shown = runner.invoke(app, ["entities", "show", "lavrov", "--warehouse", str(db)])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines() == ["entity,type,id,articles,mentions,aliases",
                                         f'Sergey Lavrov,person,{LAVROV_Y},1,2,"Lavrov, Sergey Lavrov"']
    missing = runner.invoke(app, ["entities", "show", "Nobody", "--warehouse", str(db)])
    assert missing.exit_code != 0 and "no entity named 'Nobody'" in missing.output
    assert runner.invoke(app, ["entities", "list", "--type", "place", "--warehouse", str(db)]).output == (
        "entity,type,articles,mentions\n")


def test_retype_gives_the_entity_its_new_type_and_id_and_is_recorded(db):
    result = runner.invoke(app, ["entities", "retype", "Lavrov", "organisation", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert "Sergey Lavrov is now of type organisation (was person)" in result.output
    new_id = entity_id_for("organisation", "Sergey Lavrov")
    assert rows(db, "select entity_id, canonical_name, entity_type from entities order by 1") == sorted(
        [(new_id, "Sergey Lavrov", "organisation"), (LAVROV_I, "Sergei Lavrov", "person")])
    assert rows(db, f"select article_id from article_entities where entity_id = '{new_id}'") == [("a1",)]
    assert {a for (a,) in rows(db, f"select alias from entity_aliases where entity_id = '{new_id}'")} == {
        "Sergey Lavrov", "Lavrov"}
    decisions = rows(db, "select kind, entity_type, names from entity_decisions")
    assert decisions == [("retype", "organisation", ["Sergey Lavrov", "Lavrov"])]
    curation = load_curation(None, decisions)  # the next run types every name of it so
    assert curation.retypes == {"sergey lavrov": "organisation", "lavrov": "organisation"}


def test_retype_into_a_type_the_name_already_has_joins_that_entity(db):
    runner.invoke(app, ["entities", "retype", "Sergei Lavrov", "organisation", "-w", str(db)])
    runner.invoke(app, ["entities", "retype", "Sergei Lavrov", "person", "-t", "organisation", "-w", str(db)])
    assert rows(db, "select entity_id, count(*) from article_entities group by 1 order by 1") == [
        (LAVROV_I, 2), (LAVROV_Y, 1)]
    assert rows(db, "select count(*) from entities") == [(2,)]
    # a type it already has, or no type at all, is a clear error that changes nothing
    for args, message in ((["Sergei Lavrov", "person"], "already of type person"),
                          (["Sergei Lavrov", "company"], "type must be one of person, organisation")):
        result = runner.invoke(app, ["entities", "retype", *args, "-w", str(db)])
        assert result.exit_code == 2 and message in result.output
    assert rows(db, "select count(*) from entity_decisions") == [(2,)]


def test_ignore_removes_the_entity_and_its_names_stay_out_of_later_runs(db):
    result = runner.invoke(app, ["entities", "ignore", "Sergey Lavrov", "-w", str(db)])
    assert result.exit_code == 0, result.output
    assert "ignored Sergey Lavrov (person) and its aliases Lavrov" in result.output
    assert rows(db, "select distinct entity_id from article_entities") == [(LAVROV_I,)]
    assert rows(db, f"select count(*) from entity_aliases where entity_id = '{LAVROV_Y}'") == [(0,)]
    assert rows(db, "select canonical_name from entities") == [("Sergei Lavrov",)]
    decisions = rows(db, "select kind, entity_type, names from entity_decisions")
    assert decisions == [("ignore", "person", ["Sergey Lavrov", "Lavrov"])]
    assert load_curation(None, decisions).ignored == {"sergey lavrov", "lavrov"}
    result = runner.invoke(app, ["entities", "ignore", "Sergey Lavrov", "-w", str(db)])
    assert result.exit_code == 2 and "no entity is called 'Sergey Lavrov'" in result.output
