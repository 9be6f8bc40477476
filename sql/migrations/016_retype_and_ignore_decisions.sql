-- Curation decisions `newsetl entities retype` and `ignore` (issue 18) are recorded beside merge and
-- never_merge and re-applied on every run. DuckDB cannot alter a CHECK constraint, so the table is
-- rebuilt with the wider one; its rows and comments are kept.
create table entity_decisions_016 (
    decision_id  varchar primary key,
    kind         varchar not null check (kind in ('merge', 'never_merge', 'retype', 'ignore')),
    entity_type  varchar,
    names        varchar[] not null,
    decided_at   timestamp not null,
    note         varchar
);
insert into entity_decisions_016 by name select * from entity_decisions;
drop table entity_decisions;
alter table entity_decisions_016 rename to entity_decisions;
comment on table entity_decisions is 'Curation by people (newsetl entities merge/split/retype/ignore): re-applied on every run. For a merge the first name is the canonical one.';
comment on column entity_decisions.decision_id is 'Random UUID (text) of the decision.';
comment on column entity_decisions.kind is 'merge (newsetl entities merge), never_merge (newsetl entities split), retype (newsetl entities retype) or ignore (newsetl entities ignore: no entity at all).';
comment on column entity_decisions.entity_type is 'merge, never_merge: the type of the entities concerned; retype: the type given (person, organisation, place, group, event, product); ignore: the type the entity had.';
comment on column entity_decisions.names is 'merge: the canonical name first, then the names merged into it; never_merge: the entity''s name and the name split from it; retype, ignore: the entity''s name and its aliases.';
comment on column entity_decisions.decided_at is 'UTC time of the decision.';
comment on column entity_decisions.note is 'Free-text note; not set by the CLI (null).';
