-- `newsetl entities list`: entities with their type and article and mention counts, most articles first.
-- $entity_type: a type, or null for all; $limit: how many rows.
select e.canonical_name as entity, e.entity_type as type,
       count(distinct ae.article_id) as articles, coalesce(sum(ae.mention_count), 0) as mentions
from entities e
left join article_entities ae using (entity_id)
where $entity_type is null or e.entity_type = $entity_type
group by e.entity_id, e.canonical_name, e.entity_type
order by articles desc, mentions desc, entity
limit $limit
