-- Entities people can count on: each article-entity row keeps the surface forms it was met under (so a
-- merge can be split again) and a salience score; curation decisions are kept and re-applied every run.
alter table article_entities add column salience double;
alter table article_entities add column surfaces varchar[];
comment on column article_entities.salience is '0..1: 0.5 if in the title, + 0.3 x min(mentions, 5) / 5, + 0.2 x how early the first mention is.';
comment on column article_entities.surfaces is 'The forms the entity took in the article ("Vladimir Putin", "Putin").';

create table entity_decisions (
    decision_id  varchar primary key,
    kind         varchar not null check (kind in ('merge', 'never_merge')),
    entity_type  varchar,
    names        varchar[] not null,
    decided_at   timestamp not null,
    note         varchar
);
comment on table entity_decisions is 'Curation by people (newsetl entities merge/split): re-applied on every run. For a merge the first name is the canonical one.';
