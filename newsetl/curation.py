"""Entity curation in the warehouse: `newsetl entities merge`, `split`, `retype` and `ignore`. Each decision
is applied at once (in one transaction, the entity aggregates refreshed with it) and recorded in
entity_decisions, so every later run keeps it."""

from __future__ import annotations

import uuid

import duckdb

from newsetl import clock
from newsetl.config import ENTITY_TYPES
from store import refreshing_aggregates, run_file, sql_text, transaction
from transforms.entities import entity_id_for


class CurationError(ValueError):
    """A name that matches no entity, or more than one."""


def find_entity(con: duckdb.DuckDBPyConnection, name: str, entity_type: str | None) -> tuple[str, str, str]:
    """(entity_id, canonical_name, entity_type) of the one entity `name` means."""
    rows = con.execute(sql_text("curation/find_entity.sql"),
                       {"name": name, "entity_type": entity_type}).fetchall()
    if not rows:
        of_type = f" (type {entity_type})" if entity_type else ""
        raise CurationError(f"no entity is called {name!r}{of_type}")
    if len(rows) > 1:
        options = "; ".join(f"{n} ({t})" for _, n, t in rows)
        raise CurationError(f"{name!r} could mean several entities: {options}; give --type")
    return rows[0]


def _record(con: duckdb.DuckDBPyConnection, kind: str, entity_type: str | None, names: list[str]) -> None:
    con.execute(sql_text("curation/record_decision.sql"), {
        "decision_id": str(uuid.uuid4()), "kind": kind, "entity_type": entity_type, "names": names,
        "decided_at": clock.now(), "note": None})


def merge(con: duckdb.DuckDBPyConnection, canonical: str, others: list[str],
          entity_type: str | None = None) -> str:
    """Merge the entities named `others` into the one named `canonical`; returns a one-line report."""
    target_id, target_name, target_type = find_entity(con, canonical, entity_type)
    sources = [find_entity(con, name, target_type) for name in others]
    touched = [target_id, *(source_id for source_id, _, _ in sources)]
    with transaction(con):
        with refreshing_aggregates(con, "changes_of_entities", entity_ids=touched):
            for source_id, _, _ in sources:
                if source_id != target_id:
                    run_file(con, "curation/merge_entities.sql", {"target": target_id, "source": source_id})
        _record(con, "merge", target_type, [target_name, *others])
    return f"merged {', '.join(others)} into {target_name} ({target_type})"


def split(con: duckdb.DuckDBPyConnection, name: str, other: str, entity_type: str | None = None) -> str:
    """Keep `other` apart from the entity `name`: it becomes its own entity now and in every later run."""
    entity_id, canonical, kind = find_entity(con, name, entity_type)
    new_id = entity_id_for(kind, other)
    with transaction(con):
        with refreshing_aggregates(con, "changes_of_entities", entity_ids=[entity_id, new_id]):
            run_file(con, "curation/split_entity.sql", {"entity": entity_id, "name": other, "new_id": new_id})
        _record(con, "never_merge", kind, [canonical, other])
    return f"{other} is now apart from {canonical} ({kind})"


def _names_of(con: duckdb.DuckDBPyConnection, entity_id: str) -> list[str]:
    """The entity's canonical name, then its other aliases: every name a retype or ignore must cover, so
    that a later run, which meets the names before it resolves them to one entity, applies it to each."""
    canonical, aliases = con.execute(sql_text("curation/entity_names.sql"), {"entity": entity_id}).fetchone()
    return [canonical, *aliases]


def retype(con: duckdb.DuckDBPyConnection, name: str, new_type: str, entity_type: str | None = None) -> str:
    """Give the entity `name` the type `new_type`, now and in every later run (a new id: the id is of type
    and name); it joins the entity of that name and type where one exists."""
    if new_type not in ENTITY_TYPES:
        raise CurationError(f"type must be one of {', '.join(ENTITY_TYPES)} (got {new_type!r})")
    entity_id, canonical, kind = find_entity(con, name, entity_type)
    if kind == new_type:
        raise CurationError(f"{canonical} is already of type {new_type}")
    names = _names_of(con, entity_id)
    target = entity_id_for(new_type, canonical)
    with transaction(con):
        with refreshing_aggregates(con, "changes_of_entities", entity_ids=[entity_id, target]):
            run_file(con, "curation/retype_entity.sql", {"source": entity_id, "target": target,
                                                         "entity_type": new_type})
            run_file(con, "curation/merge_entities.sql", {"target": target, "source": entity_id})
        _record(con, "retype", new_type, names)
    return f"{canonical} is now of type {new_type} (was {kind})"


def ignore(con: duckdb.DuckDBPyConnection, name: str, entity_type: str | None = None) -> str:
    """The entity `name` is no entity at all: it is removed now and its names dropped by every later run."""
    entity_id, canonical, kind = find_entity(con, name, entity_type)
    names = _names_of(con, entity_id)
    with transaction(con):
        with refreshing_aggregates(con, "changes_of_entities", entity_ids=[entity_id]):
            run_file(con, "curation/ignore_entity.sql", {"entity": entity_id})
        _record(con, "ignore", kind, names)
    return f"ignored {canonical} ({kind}){' and its aliases ' + ', '.join(names[1:]) if names[1:] else ''}"
