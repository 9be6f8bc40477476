-- `distinct on` the key: MERGE inserts every unmatched row, so a key met twice in the batch would break the
-- primary key here and be stored twice where there is none (a DuckLake).
merge into entity_aliases
using (select distinct on (entity_id, alias) entity_id, alias, $loaded_at as first_seen_at
       from stage_entity_aliases) as incoming
on entity_aliases.entity_id = incoming.entity_id and entity_aliases.alias = incoming.alias
when not matched then insert by name;
