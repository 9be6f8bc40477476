-- Entities per UTC day: in how many articles (and how many outlets) each entity was mentioned.
-- (article_id, entity_id) is the key of article_entities, so an entity's rows in a day are distinct articles:
-- count(*) gives count(distinct article_id) without the cost of a distinct aggregate.
create or replace view analytics.entity_mentions_per_day as
select
    cast(a.published_at as date)        as day,
    e.entity_id,
    e.canonical_name                    as entity,
    e.entity_type,
    count(*)                            as articles,
    count(distinct a.source_id)         as outlets,
    cast(sum(ae.mention_count) as bigint) as mentions,
    count(*) filter (where ae.is_in_title) as title_mentions
from article_entities ae
join articles a using (article_id)
join entities e using (entity_id)
group by all;
comment on view analytics.entity_mentions_per_day is 'One row per entity and UTC publication day: how much coverage the entity got that day, in articles, outlets and mentions.';
comment on column analytics.entity_mentions_per_day.day is 'UTC date of the articles'' published_at.';
comment on column analytics.entity_mentions_per_day.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.entity_mentions_per_day.entity is 'Its canonical name.';
comment on column analytics.entity_mentions_per_day.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_mentions_per_day.articles is 'Articles published that day that mention the entity.';
comment on column analytics.entity_mentions_per_day.outlets is 'Distinct outlets among those articles.';
comment on column analytics.entity_mentions_per_day.mentions is 'Sum of the entity''s mention_count over those articles.';
comment on column analytics.entity_mentions_per_day.title_mentions is 'Of those articles, the ones whose title mentions the entity.';
