"""Reading sql/: one file's text, a folder's files in the order they apply, a file's statements. Every
statement the warehouse runs is read from there; none is built from data."""

from __future__ import annotations

from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def sql_text(relative: str) -> str:
    """The text of one file of sql/ ("load/articles.sql")."""
    return (SQL_DIR / relative).read_text(encoding="utf-8")


def sql_files(folder: str, pattern: str = "*.sql") -> list[Path]:
    """The files of one folder of sql/ matching `pattern`, in name order (the order they apply in)."""
    return sorted((SQL_DIR / folder).glob(pattern))


def without_comments(statement: str) -> str:
    """A statement without its comment lines ('' for comments only)."""
    return "\n".join(line for line in statement.splitlines() if not line.lstrip().startswith("--")).strip()


def split_statements(text: str) -> list[str]:
    """The statements of a load file (they are separated by ';' at line ends; no ';' inside strings)."""
    return [s.strip() for s in text.split(";\n") if without_comments(s)]


def run_file(con, relative: str, params: dict | None = None) -> None:
    """Run the statements of one file of sql/ in order on `con` (a DuckDB connection), each bound to the
    `params` it names ($name; a statement naming none gets none)."""
    for statement in split_statements(sql_text(relative)):
        named = without_comments(statement)
        con.execute(statement, {k: v for k, v in (params or {}).items() if f"${k}" in named} or None)
