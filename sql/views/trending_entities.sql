-- Entities mentioned in the last 7 days (up to the newest article) against the 7 days before: the ones
-- whose coverage grew most first. `growth` is (this + 1) / (previous + 1), so a newcomer counts too.
-- (article_id, entity_id) is the key of article_entities: count(*) counts distinct articles.
create or replace view analytics.trending_entities as
with bounds as (select max(published_at) as now from articles),
counts as (
    select
        e.entity_id,
        e.canonical_name as entity,
        e.entity_type,
        count(*) filter (where a.published_at > b.now - interval 7 day) as this_week,
        count(*) filter (where a.published_at <= b.now - interval 7 day
                           and a.published_at > b.now - interval 14 day) as previous_week
    from article_entities ae
    join articles a using (article_id)
    join entities e using (entity_id)
    cross join bounds b
    where a.published_at > b.now - interval 14 day
    group by all
)
select
    *,
    this_week - previous_week                                      as change,
    round((this_week + 1.0) / (previous_week + 1.0), 2)            as growth
from counts
where this_week > 0
order by change desc, growth desc, this_week desc, entity;
comment on view analytics.trending_entities is 'One row per entity mentioned in the 7 days up to the newest article: its articles then against the 7 days before, biggest gain first; which entities are rising.';
comment on column analytics.trending_entities.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.trending_entities.entity is 'Its canonical name.';
comment on column analytics.trending_entities.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.trending_entities.this_week is 'Articles mentioning the entity published in the 7 days up to the newest article''s published_at (not the wall clock).';
comment on column analytics.trending_entities.previous_week is 'Articles mentioning it published in the 7 days before those.';
comment on column analytics.trending_entities.change is 'this_week - previous_week.';
comment on column analytics.trending_entities.growth is '(this_week + 1) / (previous_week + 1), rounded to 2 decimals: above 1 is growing; a newcomer counts too.';
