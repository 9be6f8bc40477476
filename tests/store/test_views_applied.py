"""apply_views_if_changed (migration 018): a run re-creates the views only when sql/views/ changed or a view
is missing, and the views it leaves are those apply_views makes."""

from __future__ import annotations

import duckdb

import store
from store import sql as store_sql


def views(con) -> list[tuple]:
    return con.execute("select view_name, sql from duckdb_views() where schema_name = 'analytics' "
                       "order by all").fetchall()


def test_the_views_are_made_once_then_again_only_when_a_file_changes_or_a_view_is_missing(
        tmp_path, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    store.migrate(con)
    assert store.apply_views_if_changed(con) is True
    made = views(con)
    assert made and store.apply_views_if_changed(con) is False  # unchanged: nothing re-created
    con.execute("drop view analytics.latest_articles")
    assert store.apply_views_if_changed(con) is True and views(con) == made  # a missing view comes back

    edited = tmp_path / "sql"  # the same sql/ with one view file changed
    for file in store_sql.SQL_DIR.rglob("*.sql"):
        target = edited / file.relative_to(store_sql.SQL_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.read_bytes())
    view = edited / "views" / "latest_articles.sql"
    view.write_text(view.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    monkeypatch.setattr(store_sql, "SQL_DIR", edited)
    assert store.apply_views_if_changed(con) is True
    assert store.apply_views_if_changed(con) is False
