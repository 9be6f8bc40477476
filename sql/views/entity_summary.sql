-- One row per entity: its names, when it was first and last mentioned, in how many articles and outlets.
create or replace view analytics.entity_summary as
select
    e.entity_id,
    e.canonical_name                        as entity,
    e.entity_type,
    (select list(alias order by alias) from entity_aliases x where x.entity_id = e.entity_id) as aliases,
    min(a.published_at)                     as first_seen_at,
    max(a.published_at)                     as last_seen_at,
    count(distinct ae.article_id)           as articles,
    count(distinct a.source_id)             as outlets,
    cast(sum(ae.mention_count) as bigint)   as mentions,
    round(avg(ae.salience), 3)              as mean_salience
from entities e
left join article_entities ae using (entity_id)
left join articles a using (article_id)
group by all;
