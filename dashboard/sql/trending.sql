-- Entities of the last 7 days (up to the newest article) against the 7 before, every type.
select entity_id, entity, entity_type, this_week, previous_week, change, growth
from analytics.trending_entities
order by change desc, growth desc, this_week desc, entity
limit $limit;
