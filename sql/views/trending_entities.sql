-- Entities mentioned in the last 7 days (up to the newest article) against the 7 days before: the ones
-- whose coverage grew most first. `growth` is (this + 1) / (previous + 1), so a newcomer counts too.
create or replace view analytics.trending_entities as
with bounds as (select max(published_at) as now from articles),
counts as (
    select
        e.entity_id,
        e.canonical_name as entity,
        e.entity_type,
        count(distinct ae.article_id) filter (where a.published_at > b.now - interval 7 day) as this_week,
        count(distinct ae.article_id) filter (where a.published_at <= b.now - interval 7 day
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
