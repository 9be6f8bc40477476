insert into entities (entity_id, canonical_name, entity_type, first_seen_at)
select entity_id, canonical_name, entity_type, $loaded_at
from stage_entities
on conflict do nothing;
