-- The entity aggregates the load keeps (entity_day_counts, entity_week_counts, entity_outlet_counts) and
-- entity_articles count every mention once: each adds up to the article-entity rows (a cheap guard; tests
-- compare them row by row with a recount).
with mentions as (
    select count(*) as n from article_entities ae join articles a using (article_id)
),
kept as (
    select 'entity_day_counts' as aggregate, sum(articles) as n from entity_day_counts
    union all select 'entity_week_counts', sum(articles) from entity_week_counts
    union all select 'entity_outlet_counts', sum(articles) from entity_outlet_counts
    union all select 'entity_articles', count(*) from entity_articles
)
select k.aggregate, coalesce(k.n, 0) as counted, m.n as mentions
from kept k cross join mentions m
where coalesce(k.n, 0) <> m.n;
