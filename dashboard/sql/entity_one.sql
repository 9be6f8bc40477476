-- One entity's summary: names, first and last mention, articles, outlets, mentions.
select entity_id, entity, entity_type, aliases, first_seen_at, last_seen_at, articles, outlets, mentions,
       mean_salience
from analytics.entity_summary
where entity_id = $entity_id;
