-- Entities per UTC day: in how many articles (and how many outlets) each entity was mentioned.
create or replace view analytics.entity_mentions_per_day as
select
    cast(a.published_at as date)        as day,
    e.entity_id,
    e.canonical_name                    as entity,
    e.entity_type,
    count(distinct ae.article_id)       as articles,
    count(distinct a.source_id)         as outlets,
    cast(sum(ae.mention_count) as bigint) as mentions,
    count(*) filter (where ae.is_in_title) as title_mentions
from article_entities ae
join articles a using (article_id)
join entities e using (entity_id)
group by all;
