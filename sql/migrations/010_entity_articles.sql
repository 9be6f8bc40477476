-- An entity's articles and aggregates, read one entity at a time (the dashboard's entity page, "one entity"
-- queries), cost a scan of the whole table when rows of one entity are spread everywhere: ~0.1 s per 11M
-- aggregate rows, ~0.3 s per 20M mentions at 1,000,000 articles, whatever the entity. Written sorted by
-- entity_id, DuckDB's min/max per row group skips all but one or two row groups (measured: 0.1 s -> 2-7 ms).
-- entity_articles is a narrow copy of article_entities for that (entity -> its articles, newest first).
-- Loads append unsorted rows; flows/warehouse.py sorts a table again once its appended rows pass a share of
-- it (aggregate_layout counts them). Filled for an existing warehouse by flows/warehouse.py BACKFILLS.
create table entity_articles (
    entity_id     varchar   not null,
    published_at  timestamp not null,
    article_id    varchar   not null
);
create table aggregate_layout (
    table_name     varchar primary key,
    unsorted_rows  bigint  not null,
    sorted_at      timestamp
);
insert into aggregate_layout (table_name, unsorted_rows) values
    ('entity_day_counts', 0), ('entity_week_counts', 0), ('entity_outlet_counts', 0), ('entity_articles', 0);
comment on table entity_articles is 'One entity in one article, sorted by entity (kept by the load, like the entity aggregates): the articles of one entity without scanning every mention.';
comment on column entity_articles.entity_id is 'The entity (entities.entity_id).';
comment on column entity_articles.published_at is 'The article''s publication time (UTC).';
comment on column entity_articles.article_id is 'The article (articles.article_id).';
comment on table aggregate_layout is 'Per table kept sorted by entity_id (the entity aggregates and entity_articles): rows appended since it was last sorted.';
comment on column aggregate_layout.table_name is 'The table.';
comment on column aggregate_layout.unsorted_rows is 'Rows appended (by loads, merges, splits) since the table was last sorted.';
comment on column aggregate_layout.sorted_at is 'When it was last sorted (UTC); null: not since this migration.';
