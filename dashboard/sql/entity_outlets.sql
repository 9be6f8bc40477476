-- The outlets that mention one entity, by articles (no view crosses entities with outlets: the entity's
-- articles are picked from article_entities, their outlet read from analytics.latest_articles).
select outlet, count(*) as articles, max(published_at) as last_published_at
from analytics.latest_articles
where article_id in (select article_id from article_entities where entity_id = $entity_id)
group by outlet
order by articles desc, outlet;
