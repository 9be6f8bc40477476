-- What a change does to the entity aggregates (sql/migrations/009): the article-entity rows it takes away
-- (sign -1, gathered before it) and the ones it puts in (sign +1, gathered after), with the article's day
-- and outlet. Filled by changes_of_articles.sql or changes_of_entities.sql, read by refresh.sql, all in the
-- change's transaction.
create or replace temp table aggregate_changes (
    sign          integer,
    article_id    varchar,
    entity_id     varchar,
    source_id     varchar,
    published_at  timestamp,
    mention_count integer,
    is_in_title   boolean,
    salience      double
);
-- The articles whose rows changes_of_articles.sql gathers (sql/aggregates/articles_of_load.sql): is_new marks
-- those the current load is the first of its transaction to meet.
create or replace temp table aggregate_articles (
    article_id varchar,
    is_new     boolean
);
