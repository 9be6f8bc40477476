-- `distinct on` the key: MERGE inserts every unmatched row, so a key met twice in the batch would break the
-- primary key here and be stored twice where there is none (a DuckLake).
merge into entities
using (select distinct on (entity_id) entity_id, canonical_name, entity_type, $loaded_at as first_seen_at
       from stage_entities) as incoming
on entities.entity_id = incoming.entity_id
when not matched then insert by name;
