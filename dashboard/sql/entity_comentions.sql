-- The entities mentioned in the same articles as one entity, strongest first.
select co_entity_id as entity_id, co_entity as entity, co_entity_type as entity_type, articles, last_at
from analytics.entity_comentions
where entity_id = $entity_id
order by articles desc, entity
limit $limit;
