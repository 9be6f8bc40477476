-- The outlets that mention one entity, by articles.
select outlet, articles, last_published_at
from analytics.entity_outlets
where entity_id = $entity_id
order by articles desc, outlet;
