"""The dashboard's data layer and its messages, without a browser: queries against the views, search with
and without the full-text index, escaping, and a missing, empty or unreadable warehouse (Streamlit's
AppTest runs the app in-process)."""

from __future__ import annotations

import sys
from datetime import date

import duckdb
import polars as pl
import pytest

import store
from dashboard.data import Reader, forget_snapshots, like_pattern, md_escape, safe_links, safe_url
from newsetl.dashboard_cli import APP, streamlit_command


def view(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_md_escape_leaves_no_markdown_or_html():
    hostile = "<script>x</script> **b** _i_ [l](javascript:x) :red[r] $x$ # h `c` ![i](x) a\nb"
    escaped = md_escape(hostile)
    assert "\n" not in escaped
    for token in ("<", ">", "*", "_", "[", "]", "(", ")", ":", "$", "#", "`", "!"):
        assert escaped.count(token) == escaped.count("\\" + token), token


def test_like_pattern_takes_wildcards_literally():
    assert like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


def test_only_http_links_are_kept():
    assert safe_url(" https://example.org/a ") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    frame = safe_links(pl.DataFrame({"u": ["HTTP://a.example/", "javascript:x", None]}), "u")
    assert frame["u"].to_list() == ["HTTP://a.example/", None, None]


def test_cli_serves_on_loopback_headless_without_telemetry():
    command = streamlit_command(8501, "127.0.0.1")
    assert command[command.index("run") + 1] == str(APP) and APP.exists()
    start = command.index(str(APP)) + 1
    pairs = dict(zip(command[start::2], command[start + 1::2], strict=True))
    assert pairs["--server.address"] == "127.0.0.1" and pairs["--server.headless"] == "true"
    assert pairs["--browser.gatherUsageStats"] == "false"


def test_queries_read_the_views(sample_warehouse):
    reader = Reader(sample_warehouse, cache=False)
    try:
        status = reader.status()
        assert status.ok and status.articles == 47
        days = reader.frame("outlet_days", since=None, until=None)
        expected = dict(view(sample_warehouse, "select outlet, sum(articles) from "
                                               "analytics.articles_per_outlet_per_day group by outlet"))
        got = dict(days.group_by("outlet").agg(pl.col("articles").sum()).iter_rows())
        assert got == expected and got["Harbour Times"] == 14
        putin = reader.frame("entity_find", pattern=like_pattern("putin"), text="putin", limit=5)
        assert putin["entity"].to_list() == ["Vladimir Putin"]
        entity_id = putin["entity_id"][0]
        putin = reader.frame("entity_one", entity_id=entity_id)
        outlets = reader.frame("entity_outlets", entity_id=entity_id)
        assert outlets["articles"].sum() == putin["articles"][0]
        co = reader.frame("entity_comentions", entity_id=entity_id, limit=100)
        assert "Sergey Lavrov" in co["entity"].to_list() or "Sergei Lavrov" in co["entity"].to_list()
        latest, method = reader.search_articles(None, has_index=status.search_index, entity_id=entity_id)
        assert method == "latest" and latest.height == putin["articles"][0]
        by_outlet, _ = reader.search_articles(None, has_index=False, outlets=["Harbour Times"],
                                              since=date(2000, 1, 1), until=date(2100, 1, 1), language="en")
        assert by_outlet.height == 14 and set(by_outlet["outlet"]) == {"Harbour Times"}
    finally:
        reader.close()


def test_search_uses_the_index_and_falls_back_without_it(warehouse_copy):
    reader = Reader(warehouse_copy, cache=False)
    status = reader.status()
    assert status.search_index, "the flow builds the full-text index after each load"
    hits, method = reader.search_articles("Lavrov", has_index=True)
    reader.close()
    assert method == "bm25" and hits.height > 0 and hits["score"].is_sorted(descending=True)

    forget_snapshots()  # this process writes to the file now (in use, the writer has a file of its own)
    with store.connect(warehouse_copy) as con:
        con.execute("drop schema fts_main_articles cascade")
    reader = Reader(warehouse_copy, cache=False)
    status = reader.status()
    assert not status.search_index
    found, method = reader.search_articles("lavrov", has_index=status.search_index)
    assert method == "substring" and found.height > 0
    assert all("lavrov" in ((t or "") + " " + (s or "")).lower() for t, s in view(
        warehouse_copy, "select title, summary from articles where list_contains(?, article_id)",
        [found["article_id"].to_list()]))
    assert reader.search_articles("100%_", has_index=False)[0].is_empty()  # wildcards taken literally
    reader.close()


def test_the_warehouse_is_opened_read_only_and_a_new_snapshot_is_seen(warehouse_copy, tmp_path):
    reader = Reader(warehouse_copy, cache=False)
    reader.status()
    with pytest.raises(duckdb.Error, match="read-only"):
        reader.connection().execute("delete from articles")
    reader.close()
    newer = tmp_path / "newer.duckdb"
    newer.write_bytes(warehouse_copy.read_bytes())
    with store.connect(newer) as con:
        con.execute("delete from article_entities where article_id in (select article_id from articles "
                    "order by published_at limit 7)")
        con.execute("delete from articles where article_id in (select article_id from articles "
                    "order by published_at limit 7)")
    newer.replace(warehouse_copy)  # published like the writer does: one rename
    fresh = Reader(warehouse_copy, cache=False)
    assert fresh.identity != reader.identity and fresh.status().articles == 40
    fresh.close()


def run_app(monkeypatch, path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NEWSETL_WAREHOUSE_PATH", str(path))
    monkeypatch.setenv("NEWSETL_DASHBOARD_PREWARM", "0")  # no background threads in the test process
    # AppTest puts the app's module in sys.modules as __main__ and leaves it there: put the test process's
    # back afterwards, or the worker processes a later test in this process starts with multiprocessing's
    # spawn or forkserver (NER, Dask) re-run dashboard/app.py as their __main__, and die
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    app = AppTest.from_file(str(APP), default_timeout=30)
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_missing_warehouse_says_what_to_do(monkeypatch, tmp_path):
    app = run_app(monkeypatch, tmp_path / "none" / "news.duckdb")
    assert "no warehouse yet: run `newsetl run`" in app.info[0].value
    assert not (tmp_path / "none").exists()  # nothing created


def test_an_empty_warehouse_says_what_to_do(monkeypatch, tmp_path):
    path = tmp_path / "news.duckdb"
    with store.connect(path) as con:
        store.migrate(con)
    assert "no warehouse yet" in run_app(monkeypatch, path).info[0].value  # no views: never loaded
    forget_snapshots()
    with store.connect(path) as con:
        store.apply_views(con)
    assert "no articles yet" in run_app(monkeypatch, path).info[0].value


def test_a_file_that_is_not_a_warehouse_is_a_message(monkeypatch, tmp_path):
    path = tmp_path / "news.duckdb"
    path.write_bytes(b"this is not a DuckDB file" * 100)
    app = run_app(monkeypatch, path)
    assert "cannot open the warehouse" in app.info[0].value
