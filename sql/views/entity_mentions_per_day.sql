-- Entities per UTC day: in how many articles (and how many outlets) each entity was mentioned. Read from
-- entity_day_counts, which the load keeps counted (sql/aggregates/refresh.sql).
create or replace view analytics.entity_mentions_per_day as
select
    d.day,
    e.entity_id,
    e.canonical_name                    as entity,
    e.entity_type,
    d.articles,
    d.outlets,
    d.mentions,
    d.title_mentions
from entity_day_counts d
join entities e using (entity_id);
comment on view analytics.entity_mentions_per_day is 'One row per entity and UTC publication day: how much coverage the entity got that day, in articles, outlets and mentions.';
comment on column analytics.entity_mentions_per_day.day is 'UTC date of the articles'' published_at.';
comment on column analytics.entity_mentions_per_day.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.entity_mentions_per_day.entity is 'Its canonical name.';
comment on column analytics.entity_mentions_per_day.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_mentions_per_day.articles is 'Articles published that day that mention the entity.';
comment on column analytics.entity_mentions_per_day.outlets is 'Distinct outlets among those articles.';
comment on column analytics.entity_mentions_per_day.mentions is 'Sum of the entity''s mention_count over those articles.';
comment on column analytics.entity_mentions_per_day.title_mentions is 'Of those articles, the ones whose title mentions the entity.';
