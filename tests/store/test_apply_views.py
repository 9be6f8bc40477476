"""apply_views: every view of sql/views/ in one transaction (all or nothing), still in any file order."""

from __future__ import annotations

import duckdb
import pytest

import store


@pytest.fixture
def views_dir(tmp_path, monkeypatch):
    (tmp_path / "views").mkdir()
    monkeypatch.setattr(store.sql, "SQL_DIR", tmp_path)
    return tmp_path / "views"


def view_sql(con, name: str) -> str:
    return con.execute("select sql from duckdb_views() where view_name = ?", [name]).fetchone()[0]


def test_a_view_that_fails_leaves_every_view_as_it_was(views_dir):
    con = duckdb.connect()
    (views_dir / "a_first.sql").write_text("create or replace view a_first as select 1 as n;")
    assert store.apply_views(con) == ["a_first"]
    (views_dir / "a_first.sql").write_text("create or replace view a_first as select 2 as n;")
    (views_dir / "b_broken.sql").write_text("create or replace view b_broken as select n from missing;")
    with pytest.raises(duckdb.CatalogException):
        store.apply_views(con)
    assert con.execute("select n from a_first").fetchall() == [(1,)]  # not half of the new views
    assert "b_broken" not in {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}


def test_a_view_may_read_one_whose_file_sorts_after_it(views_dir):
    con = duckdb.connect()
    (views_dir / "a_reader.sql").write_text(
        "create or replace view a_reader as select n + 1 as m from z_base;\n"
        "comment on view a_reader is 'reads z_base';"
    )
    (views_dir / "z_base.sql").write_text("create or replace view z_base as select 41 as n;")
    assert sorted(store.apply_views(con)) == ["a_reader", "z_base"]
    assert con.execute("select m from a_reader").fetchall() == [(42,)]
    assert sorted(store.apply_views(con)) == ["a_reader", "z_base"]  # again, both now exist
    assert "z_base" in view_sql(con, "a_reader")
