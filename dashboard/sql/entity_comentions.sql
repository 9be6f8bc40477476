-- The entities mentioned in the same articles as one entity (the view holds each pair once, either way
-- round), strongest first.
select entity_id, entity, entity_type, articles, last_at
from (
    select entity_id_b as entity_id, entity_b as entity, entity_type_b as entity_type, articles, last_at
    from analytics.entity_cooccurrence
    where entity_id_a = $entity_id
    union all
    select entity_id_a, entity_a, entity_type_a, articles, last_at
    from analytics.entity_cooccurrence
    where entity_id_b = $entity_id
)
order by articles desc, entity
limit $limit;
