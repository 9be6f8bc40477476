insert into source_aliases (alias, alias_key, alias_kind, source_id, first_seen_at)
select alias, alias_key, alias_kind, source_id, $loaded_at
from stage_source_aliases
on conflict do nothing;
