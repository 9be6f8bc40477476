-- An entity's canonical name and its other aliases (in name order): the names a retype or ignore covers.
select e.canonical_name,
       coalesce(list(a.alias order by a.alias) filter (where a.alias <> e.canonical_name), [])
from entities e
left join entity_aliases a using (entity_id)
where e.entity_id = $entity
group by e.canonical_name;
