"""The `newsetl` command as a user runs it: a real subprocess for `run`, the typer app for the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import polars as pl
import pytest
from typer.testing import CliRunner

import store
from newsetl.cli import app
from tests.conftest import ROOT

runner = CliRunner()


@pytest.fixture
def small_warehouse(tmp_path):
    path = tmp_path / "news.duckdb"
    sources = pl.DataFrame({"source_id": ["s1", "s2"], "name": ["The Independent", "Harbour Times"],
                            "outlet_key": ["independent", "harbourtimes"], "domain": [None, None],
                            "homepage": [None, None]},
                           schema_overrides={"domain": pl.String, "homepage": pl.String})
    with store.connect(path) as con:
        store.migrate(con)
        store.load_batch(con, {"sources": sources}, datetime(2026, 11, 28))
        store.apply_views(con)
    return path


def test_sql_formats(small_warehouse):
    query = "select name from sources order by name"
    table = runner.invoke(app, ["sql", query, "--warehouse", str(small_warehouse)])
    assert table.exit_code == 0 and "Harbour Times" in table.output
    csv = runner.invoke(app, ["sql", query, "-w", str(small_warehouse), "--format", "csv"])
    assert csv.output.splitlines() == ["name", "Harbour Times", "The Independent"]
    out = runner.invoke(app, ["sql", query, "-w", str(small_warehouse), "-f", "json"])
    assert json.loads(out.output) == [{"name": "Harbour Times"}, {"name": "The Independent"}]


def test_sql_is_read_only_and_errors_are_clear(small_warehouse, tmp_path):
    write = runner.invoke(app, ["sql", "delete from sources", "-w", str(small_warehouse)])
    assert write.exit_code == 2 and "query failed" in write.output and "read-only" in write.output.lower()
    bad = runner.invoke(app, ["sql", "select nope from sources", "-w", str(small_warehouse)])
    assert bad.exit_code == 2 and "nope" in bad.output
    missing = runner.invoke(app, ["sql", "select 1", "-w", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no warehouse at" in missing.output


def test_run_with_a_bad_sources_file_names_the_entry(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text('[[sources]]\nname = "x"\nkind = "rss"\nurl = "a.xml"\n')
    result = runner.invoke(app, ["run", "--sources", str(bad), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert "sources[0] ('x'): outlet is required" in result.output
    assert "Traceback" not in result.output


def test_run_on_the_bundled_samples_like_make_run(tmp_path, prefect_harness):
    """`newsetl run` on sources.toml, offline, twice: a summary and no traceback; the second adds nothing.
    The first runs as `make run` does, on a temporary Prefect server of its own; the second reports to the
    suite's server (PREFECT_API_URL), which spares it a second server's start: what it checks is the run."""
    import prefect.settings

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["NEWSETL_WAREHOUSE_PATH"] = str(tmp_path / "news.duckdb")
    command = [sys.executable, "-m", "newsetl.cli", "run"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    output = first.stdout + first.stderr
    assert first.returncode == 0, output
    assert "Traceback" not in output
    assert "47 new" in output and "data-quality checks: all" in output
    env["PREFECT_API_URL"] = prefect.settings.PREFECT_API_URL.value()
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0 and "Traceback" not in second.stdout + second.stderr
    assert "nothing new" in second.stdout
    db = str(tmp_path / "news.duckdb")

    found = runner.invoke(app, ["search", "Barents Sea accord", "-w", db, "-n", "3", "-f", "json"])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.output)
    assert len(hits) == 3 and all("Barents" in h["title"] or "accord" in h["title"].lower() for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    by_outlet = runner.invoke(app, ["search", "Putin", "-w", db, "--outlet", "Harbour Times", "-f", "json"])
    assert {h["outlet"] for h in json.loads(by_outlet.output)} == {"Harbour Times"}
    nothing = runner.invoke(app, ["search", "zzzyxq", "-w", db, "-f", "json"])
    assert nothing.exit_code == 0 and json.loads(nothing.output) == []
    check_search(db)
    check_duckdb_cli(db)

    parquet = tmp_path / "latest.parquet"
    result = runner.invoke(app, ["sql", "select * from analytics.latest_articles", "-w", db, "-f", "parquet",
                                 "-o", str(parquet)])
    assert result.exit_code == 0 and pl.read_parquet(parquet).height == 47
    assert runner.invoke(app, ["sql", "select 1", "-w", db, "-f", "parquet"]).exit_code == 2  # needs --out

    exported = runner.invoke(app, ["export", str(tmp_path / "export"), "-w", db])
    assert exported.exit_code == 0, exported.output
    articles = pl.read_parquet(tmp_path / "export" / "articles" / "**" / "*.parquet", hive_partitioning=True)
    assert articles.height == 47 and articles["article_id"].n_unique() == 47
    assert (articles["published_at"].dt.date() == articles["published_date"]).all()
    days = {p.name for p in (tmp_path / "export" / "articles").iterdir()}
    assert days == {f"published_date={d}" for d in articles["published_date"].unique().to_list()}
    mentions = pl.read_parquet(tmp_path / "export" / "article_entities" / "**" / "*.parquet")
    sources = pl.read_parquet(tmp_path / "export" / "sources" / "data_0.parquet")
    assert mentions["article_id"].is_in(articles["article_id"].implode()).all() and sources.height == 5
    recent = runner.invoke(app, ["export", str(tmp_path / "recent"), "-w", db, "-t", "articles",
                                 "--since", "2026-11-27"])
    assert recent.exit_code == 0 and sorted(p.name for p in (tmp_path / "recent").iterdir()) == ["articles"]
    bad = runner.invoke(app, ["export", str(tmp_path / "x"), "-w", db, "-t", "nope"])
    assert bad.exit_code == 2 and "no export for nope" in bad.output


def check_duckdb_cli(db: str) -> None:
    """The README's DuckDB CLI (duckdb-cli, pinned to the warehouse's version) opens the snapshot read-only
    and, with the pinned fts extension loaded from its wheel, ranks with BM25 offline."""
    from pathlib import Path

    import duckdb_extension_fts

    cli = Path(sys.executable).parent / "duckdb"
    fts = next(Path(duckdb_extension_fts.__file__).parent.rglob("fts.duckdb_extension"))
    query = (f"LOAD '{fts}'; select count(*) from articles where "
             "fts_main_articles.match_bm25(article_id, 'barents') is not null;")
    result = subprocess.run([str(cli), "-readonly", "-csv", "-noheader", db, "-c", query],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 0


def search_json(db: str, *args: str) -> list[dict]:
    result = runner.invoke(app, ["search", *args, "-w", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def check_search(db: str) -> None:
    """Issue 18's search: an outlet by any alias, phrases, -words, --since forms, snippets, stories."""
    barents = search_json(db, '"Barents Sea"', "--outlet", "indy")
    assert len(barents) == 4 and {h["outlet"] for h in barents} == {"The Independent"}
    assert all("barents sea" in h["snippet"].lower() for h in barents)
    assert {"story_id", "copies"} <= set(barents[0])
    assert search_json(db, '"Barents Sea"', "--outlet", "INDEPENDENT") == barents  # case and "The" aside
    assert search_json(db, '"Barents Sea"', "--outlet", "independent.co.uk") == barents  # a domain
    table = runner.invoke(app, ["search", '"Barents Sea"', "--outlet", "Indy", "-w", db])
    assert table.exit_code == 0 and "\u00abBarents Sea\u00bb" in table.output and " UTC " in table.output
    unknown = runner.invoke(app, ["search", "Barents", "--outlet", "Daily Planet", "-w", db])
    assert unknown.exit_code == 2 and "'Daily Planet': no outlet has that name" in unknown.output
    assert "The Independent" in unknown.output
    phrase = search_json(db, '"Red Sea"', "-n", "20")
    assert phrase and all("red sea" in (h["title"] + " " + h["snippet"]).lower() for h in phrase)
    words = {h["article_id"] for h in search_json(db, "storm", "-n", "50")}
    # a query with a -word goes after "--", as for any command line ("newsetl search -- storm -barents")
    excluded = runner.invoke(app, ["search", "-w", db, "-f", "json", "-n", "50", "--", "storm -barents"])
    assert excluded.exit_code == 0, excluded.output
    without = {h["article_id"] for h in json.loads(excluded.output)}
    assert without < words
    import duckdb

    with duckdb.connect(db, read_only=True) as con:
        (as_of,) = con.execute("select as_of from analytics.as_of").fetchone()
    every = search_json(db, "Barents", "-n", "50")
    for since, start in (("7 days ago", as_of - timedelta(days=7)),
                         ("yesterday", as_of.replace(hour=0, minute=0, second=0, microsecond=0)
                          - timedelta(days=1)),
                         (f"{as_of:%Y-%m-%d}", as_of.replace(hour=0, minute=0, second=0, microsecond=0))):
        expected = [h for h in every if datetime.fromisoformat(h["published_at"]) >= start]
        assert search_json(db, "Barents", "--since", since, "-n", "50") == expected, since
    assert len(search_json(db, "Barents", "--since", "2099-01-01", "-n", "50")) == 0
    bad = runner.invoke(app, ["search", "Barents", "--since", "last tuesday", "-w", db])
    assert bad.exit_code == 2 and "--since 'last tuesday': not a date" in bad.output


def test_schema_docs_are_generated_from_the_database_and_up_to_date():
    """docs/schema.md is what `newsetl schema` prints: every table, view and column is documented."""
    from newsetl.schema_docs import generated_schema_markdown

    generated = generated_schema_markdown()
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == generated, (
        "docs/schema.md is stale: run `newsetl schema > docs/schema.md`")
    undocumented = [row for row in generated.splitlines() if row.startswith("| `") and row.endswith("|  |")]
    assert undocumented == []
    for view in ("articles_per_outlet_per_day", "trending_entities", "feed_health", "run_history"):
        assert f"### `analytics.{view}`" in generated
