-- Entities per ISO week (Monday start), with the change against the previous week.
create or replace view analytics.entity_mentions_per_week as
with weekly as (
    select
        cast(date_trunc('week', a.published_at) as date) as week,
        e.entity_id,
        e.canonical_name                 as entity,
        e.entity_type,
        count(distinct ae.article_id)    as articles,
        count(distinct a.source_id)      as outlets,
        cast(sum(ae.mention_count) as bigint) as mentions
    from article_entities ae
    join articles a using (article_id)
    join entities e using (entity_id)
    group by all
)
select
    w.*,
    coalesce(p.articles, 0)                        as previous_week_articles,
    w.articles - coalesce(p.articles, 0)           as change
from weekly w
left join weekly p on p.entity_id = w.entity_id and p.week = w.week - interval 7 day;
