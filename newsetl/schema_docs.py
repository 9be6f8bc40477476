"""`newsetl schema`: the warehouse's schema documentation, generated from the database itself.

A fresh in-memory database gets every migration and view (the code's schema, not one warehouse's data),
then its catalog (duckdb_tables, duckdb_views, duckdb_columns and their comments) is written as Markdown:
docs/schema.md. The comments live beside the DDL in sql/; a test keeps docs/schema.md in step with them.
"""

from __future__ import annotations

import duckdb

from store import apply_views, migrate, sql_text

HEADER = """# Warehouse schema

Generated from the database by `newsetl schema > docs/schema.md` (the comments live beside the DDL in
`sql/migrations/` and `sql/views/`); do not edit by hand. Tables are in the `main` schema, the views
dashboards and analysts read are in `analytics` (stable names: dashboards depend on them).
"""


def catalog(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
    """(relations, columns) of the main and analytics schemas, in a stable order."""
    return (con.execute(sql_text("read/schema_relations.sql")).fetchall(),
            con.execute(sql_text("read/schema_columns.sql")).fetchall())


def schema_markdown(con: duckdb.DuckDBPyConnection) -> str:
    relations, columns = catalog(con)
    by_relation: dict[tuple[str, str], list[tuple]] = {}
    for schema, name, column, data_type, comment in columns:
        by_relation.setdefault((schema, name), []).append((column, data_type, comment))
    parts = [HEADER]
    for heading, kind in (("Tables", "table"), ("Views", "view")):
        parts.append(f"## {heading}\n")
        for schema, name, relation_kind, comment in relations:
            if relation_kind != kind:
                continue
            parts.append(f"### `{schema}.{name}`\n")
            if comment:
                parts.append(f"{comment}\n")
            parts.append("| column | type | meaning |\n|---|---|---|")
            for column, data_type, column_comment in by_relation.get((schema, name), []):
                parts.append(f"| `{column}` | {data_type} | {_cell(column_comment)} |")
            parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def generated_schema_markdown() -> str:
    """The schema documentation of the code as it stands."""
    with duckdb.connect() as con:
        migrate(con)
        apply_views(con)
        return schema_markdown(con)
