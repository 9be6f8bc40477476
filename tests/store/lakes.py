"""What the lake's tests (tests/store/test_lake.py, tests/store/test_lake_runs.py: two modules, so that
pytest-xdist's --dist loadscope can run them on two workers) share: a lake on the suite's PostgreSQL
(tests/postgres.py; the `new_lake` fixture is in tests/store/conftest.py), an embedded run to compare with,
and the rows, searches and keys compared."""

from __future__ import annotations

import uuid
from pathlib import Path

import store
from flows.ingest import ingest
from newsetl.config import Settings
from store.sql import sql_text

# Every table whose rows a run's input decides (the run log, fetch timings, check results and the sorting
# bookkeeping of aggregate_layout are left out: they record when and how, not what).
COMPARED = ["sources", "source_aliases", "feeds", "articles", "article_versions", "article_signatures",
            "entities", "entity_aliases", "article_entities", "entity_day_counts", "entity_week_counts",
            "entity_outlet_counts", "entity_articles", "entity_decisions", "rejected_items"]
SEARCHES = ["putin", "lavrov arctic", "bank of england", "norway"]


def make_lake(postgres_server, folder: Path, monkeypatch, name: str, use: bool = True) -> Settings:
    """An empty lake (its own catalog database, data and search file under folder/<name>): its settings;
    `use=True` also points this process's runs at it (through `monkeypatch`)."""
    database = f"lake_{name}_{uuid.uuid4().hex[:8]}"
    postgres_server.create_database(database)
    env = {"NEWSETL_WAREHOUSE": "ducklake:postgres:" + postgres_server.conninfo(database),
           "NEWSETL_LAKE_DATA": str(folder / name / "data"),
           "NEWSETL_WAREHOUSE_PATH": str(folder / name / "news.duckdb")}
    if use:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
    return Settings.from_env(warehouse=env["NEWSETL_WAREHOUSE"], lake_data=env["NEWSETL_LAKE_DATA"],
                             warehouse_path=Path(env["NEWSETL_WAREHOUSE_PATH"]))


def embedded_run(tmp_path, sources: Path, monkeypatch, group: str | None = None) -> Path:
    """The embedded warehouse (tmp_path/embedded) after one run of `sources` (`group`), to compare with."""
    monkeypatch.delenv("NEWSETL_WAREHOUSE", raising=False)
    monkeypatch.delenv("NEWSETL_LAKE_DATA", raising=False)
    embedded = tmp_path / "embedded" / "news.duckdb"
    assert ingest(sources_file=str(sources), warehouse_path=str(embedded), group=group).status == "completed"
    return embedded


def dump(target) -> dict[str, list[tuple]]:
    """Every compared table's rows, in order, through the reader's connection (the published state)."""
    with store.connect_reader(target) as con:
        return {table: con.execute(f"select * from {table} order by all").fetchall()  # noqa: S608
                for table in COMPARED}


def searched(target) -> dict[str, list[tuple]]:
    """`newsetl search`'s rows (score, article, outlet) for each of SEARCHES."""
    with store.connect_reader(target) as con:
        return {query: con.execute(sql_text("read/search_articles.sql"), {
            "query": query, "source_ids": None, "since": None, "phrases": [], "excluded": [], "limit": 20,
        }).fetchall() for query in SEARCHES}


def keys_unique(target) -> dict[str, int]:
    """Rows beyond the first per primary key, per table (the lake has no constraint to refuse them)."""
    keys = {"sources": "source_id", "articles": "article_id", "entities": "entity_id",
            "article_versions": "article_id, content_hash", "entity_aliases": "entity_id, alias",
            "article_entities": "article_id, entity_id", "source_aliases": "alias_kind, alias",
            "feeds": "feed_id", "runs": "run_id", "fetches": "fetch_id"}
    with store.connect_reader(target) as con:
        return {table: con.execute(f"select count(*) - count(distinct ({key})) from {table}"  # noqa: S608
                                   ).fetchone()[0] for table, key in keys.items()}


def state(target) -> tuple:
    """Articles, mentions, completed runs and the mentions counted by day: what a run changes."""
    with store.connect_reader(target) as con:
        return con.execute("select (select count(*) from articles), (select count(*) from article_entities), "
                           "(select count(*) from runs where status = 'completed'), "
                           "(select coalesce(sum(mentions), 0) from entity_day_counts)").fetchone()


def prefect_api_url() -> str:
    import prefect.settings

    return prefect.settings.PREFECT_API_URL.value()
