-- Entities per ISO week (Monday start), with the change against the previous week. Read from
-- entity_week_counts, which the load keeps counted (sql/aggregates/refresh.sql); the previous week comes
-- from a window over the entity's weeks (no self-join), so a filter on entity_id reaches the scan.
create or replace view analytics.entity_mentions_per_week as
with weekly as (
    select
        w.week,
        e.entity_id,
        e.canonical_name                 as entity,
        e.entity_type,
        w.articles,
        w.outlets,
        w.mentions
    from entity_week_counts w
    join entities e using (entity_id)
)
select
    week, entity_id, entity, entity_type, articles, outlets, mentions,
    previous_articles                  as previous_week_articles,
    articles - previous_articles       as change
from (
    select
        w.*,
        case when lag(w.week) over by_entity = w.week - interval 7 day then lag(w.articles) over by_entity
             else 0 end                as previous_articles
    from weekly w
    window by_entity as (partition by w.entity_id order by w.week)
);
comment on view analytics.entity_mentions_per_week is 'One row per entity and ISO week (Monday start, UTC) of publication: the entity''s coverage that week and the change in articles against the week before.';
comment on column analytics.entity_mentions_per_week.week is 'Monday (UTC date) of the week the articles were published in.';
comment on column analytics.entity_mentions_per_week.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.entity_mentions_per_week.entity is 'Its canonical name.';
comment on column analytics.entity_mentions_per_week.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_mentions_per_week.articles is 'Articles published that week that mention the entity.';
comment on column analytics.entity_mentions_per_week.outlets is 'Distinct outlets among those articles.';
comment on column analytics.entity_mentions_per_week.mentions is 'Sum of the entity''s mention_count over those articles.';
comment on column analytics.entity_mentions_per_week.previous_week_articles is 'Articles mentioning the entity in the week before (0 when none).';
comment on column analytics.entity_mentions_per_week.change is 'articles - previous_week_articles.';
