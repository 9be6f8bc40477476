insert into entity_aliases (entity_id, alias, first_seen_at)
select entity_id, alias, $loaded_at
from stage_entity_aliases
on conflict do nothing;
