-- The three largest tables lose their primary keys (issue 15): DuckDB keeps a primary key as an ART index
-- that a load reads whole into memory to insert and that every checkpoint writes again, so a chunk's load
-- cost memory in proportion to the table, not the chunk (article_entities, 60,000 rows loaded: 280 MB
-- peak beside 600,000 stored rows, 445 MB beside 6,000,000; without the key 216 and 240 MB), and the key
-- took 5x the table's own space in the file. Their keys are held by the load as on a lake: MERGE INTO
-- inserts a key once, article_entities are replaced per article, and sql/load/keys/ checks the keys each
-- load staged before it commits (store/load.py). Each table is made again without its key, rows and
-- comments as they were; the views read them by name and need nothing.

create table article_versions_019 (
    article_id    varchar not null,
    content_hash  varchar not null,
    title         varchar,
    body          varchar,
    seen_at       timestamp not null
);
insert into article_versions_019 (article_id, content_hash, title, body, seen_at)
select article_id, content_hash, title, body, seen_at from article_versions;
drop table article_versions;
alter table article_versions_019 rename to article_versions;
comment on table article_versions is 'One distinct text of an article: edits over time.';
comment on column article_versions.article_id is 'The article (articles.article_id).';
comment on column article_versions.content_hash is 'SHA-256 (64 hex) of this version''s title, a blank line and body (else summary), as articles.content_hash.';
comment on column article_versions.title is 'The headline of this version, cleaned.';
comment on column article_versions.body is 'The main text of this version, cleaned.';
comment on column article_versions.seen_at is 'UTC time of the fetch that first gave this version.';

create table article_signatures_019 (
    article_id  varchar not null,
    minhash     uinteger[] not null
);
insert into article_signatures_019 (article_id, minhash)
select article_id, minhash from article_signatures;
drop table article_signatures;
alter table article_signatures_019 rename to article_signatures;
comment on table article_signatures is 'MinHash signature of each article''s text (word 5-shingles), for near-duplicate search.';
comment on column article_signatures.article_id is 'The article (articles.article_id).';
comment on column article_signatures.minhash is '64 uint32 MinHash values of the case-folded word 5-shingles of the body (else summary, else title); 16 LSH bands of 4; all 4294967295 for an empty text.';

create table article_entities_019 (
    article_id     varchar not null,
    entity_id      varchar not null,
    mention_count  integer not null,
    first_offset   integer not null,
    is_in_title    boolean not null,
    salience       double,
    surfaces       varchar[]
);
insert into article_entities_019 (article_id, entity_id, mention_count, first_offset, is_in_title, salience, surfaces)
select article_id, entity_id, mention_count, first_offset, is_in_title, salience, surfaces from article_entities;
drop table article_entities;
alter table article_entities_019 rename to article_entities;
comment on table article_entities is 'One entity in one article. Offsets count characters of title + blank line + body.';
comment on column article_entities.article_id is 'The article (articles.article_id).';
comment on column article_entities.entity_id is 'The entity (entities.entity_id).';
comment on column article_entities.mention_count is 'NER mentions of the entity in the title and body (else summary).';
comment on column article_entities.first_offset is 'Character offset of the first mention in title + blank line + body (0 = first character of the title).';
comment on column article_entities.is_in_title is 'True when a mention starts inside the title.';
comment on column article_entities.salience is '0..1: 0.5 if in the title, + 0.3 x min(mentions, 5) / 5, + 0.2 x how early the first mention is.';
comment on column article_entities.surfaces is 'The forms the entity took in the article ("Vladimir Putin", "Putin").';
