-- Entities a name can mean: by canonical name or alias, any case; of one type when $entity_type is set.
select distinct e.entity_id, e.canonical_name, e.entity_type
from entities e
left join entity_aliases a using (entity_id)
where (lower(e.canonical_name) = lower($name) or lower(a.alias) = lower($name))
  and ($entity_type is null or e.entity_type = $entity_type)
order by e.entity_id;
