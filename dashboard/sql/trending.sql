-- Entities of the last 7 days (up to the newest article) against the 7 before, of one type or all.
select entity_id, entity, entity_type, this_week, previous_week, change, growth
from analytics.trending_entities
where ($entity_type is null or entity_type = $entity_type)
order by change desc, growth desc, this_week desc, entity
limit $limit;
