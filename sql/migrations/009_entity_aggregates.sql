-- Entity counts kept up to date by every load (sql/aggregates/, flows/warehouse.py refresh_aggregates), so
-- the entity views and the dashboard read pre-counted rows instead of aggregating every mention: at
-- 1,000,000 articles and 20,000,000 mentions a full entity_summary took 12 s and one week of
-- top_entities_per_week 20 s. Each table is keyed so that a batch refreshes only the keys it touched: days,
-- weeks, outlets of an entity. Counts are exact (distinct outlets included), not sketches. A warehouse that
-- already has articles gets them counted by the load's own refresh when migration 010 is applied
-- (flows/warehouse.py BACKFILLS -> sql/aggregates/).
create table entity_day_counts (
    day             date    not null,
    entity_id       varchar not null,
    articles        bigint  not null,
    outlets         bigint  not null,
    mentions        bigint  not null,
    title_mentions  bigint  not null
);
create table entity_week_counts (
    week            date    not null,
    entity_id       varchar not null,
    articles        bigint  not null,
    outlets         bigint  not null,
    mentions        bigint  not null
);
create table entity_outlet_counts (
    entity_id           varchar   not null,
    source_id           varchar   not null,
    articles            bigint    not null,
    mentions            bigint    not null,
    title_mentions      bigint    not null,
    salience_sum        decimal(18, 3) not null,
    salience_articles   bigint    not null,
    first_published_at  timestamp not null,
    last_published_at   timestamp not null
);

comment on table entity_day_counts is 'One row per entity and UTC publication day with a mention: the articles, outlets and mentions (kept by the load; read it through analytics.entity_mentions_per_day).';
comment on column entity_day_counts.day is 'UTC date of the articles'' published_at.';
comment on column entity_day_counts.entity_id is 'The entity (entities.entity_id).';
comment on column entity_day_counts.articles is 'Articles published that day that mention the entity.';
comment on column entity_day_counts.outlets is 'Distinct outlets (source_id) among those articles.';
comment on column entity_day_counts.mentions is 'Sum of article_entities.mention_count over those articles.';
comment on column entity_day_counts.title_mentions is 'Of those articles, the ones whose title mentions the entity.';
comment on table entity_week_counts is 'One row per entity and ISO week (Monday start, UTC) of publication with a mention (kept by the load; read it through analytics.entity_mentions_per_week).';
comment on column entity_week_counts.week is 'Monday (UTC date) of the week the articles were published in.';
comment on column entity_week_counts.entity_id is 'The entity (entities.entity_id).';
comment on column entity_week_counts.articles is 'Articles published that week that mention the entity.';
comment on column entity_week_counts.outlets is 'Distinct outlets (source_id) among those articles.';
comment on column entity_week_counts.mentions is 'Sum of article_entities.mention_count over those articles.';
comment on table entity_outlet_counts is 'One row per entity and outlet that mentions it (kept by the load; read it through analytics.entity_outlets and analytics.entity_summary).';
comment on column entity_outlet_counts.entity_id is 'The entity (entities.entity_id).';
comment on column entity_outlet_counts.source_id is 'The outlet (sources.source_id).';
comment on column entity_outlet_counts.articles is 'The outlet''s articles that mention the entity.';
comment on column entity_outlet_counts.mentions is 'Sum of article_entities.mention_count over those articles.';
comment on column entity_outlet_counts.title_mentions is 'Of those articles, the ones whose title mentions the entity.';
comment on column entity_outlet_counts.salience_sum is 'Sum of article_entities.salience (3 decimals, so the sum is exact) over those articles.';
comment on column entity_outlet_counts.salience_articles is 'Of those articles, the ones with a salience (the mean is salience_sum / salience_articles).';
comment on column entity_outlet_counts.first_published_at is 'Publication time (UTC) of the earliest of those articles.';
comment on column entity_outlet_counts.last_published_at is 'Publication time (UTC) of the latest of those articles.';
