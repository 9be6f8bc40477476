-- `newsetl entities show NAME`: every entity whose name or an alias is NAME (any case), with its type,
-- counts and aliases.
with hits as (
    select entity_id from entities where lower(canonical_name) = lower($name)
    union
    select entity_id from entity_aliases where lower(alias) = lower($name)
)
select e.canonical_name as entity, e.entity_type as type, e.entity_id as id,
       (select count(distinct article_id) from article_entities ae where ae.entity_id = e.entity_id) as articles,
       (select coalesce(sum(mention_count), 0) from article_entities ae where ae.entity_id = e.entity_id)
           as mentions,
       (select string_agg(alias, ', ' order by alias) from entity_aliases a where a.entity_id = e.entity_id)
           as aliases
from entities e
where e.entity_id in (select entity_id from hits)
order by articles desc, entity
