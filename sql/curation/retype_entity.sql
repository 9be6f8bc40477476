-- Give entity $source the type of entity $target (same name, new type, so a new id): $target is created
-- unless the name already exists under that type, then $source is merged into it (curation/merge_entities.sql
-- runs after this file).
merge into entities
using (select $target as entity_id, canonical_name, $entity_type as entity_type, first_seen_at
       from entities where entity_id = $source) as incoming
on entities.entity_id = incoming.entity_id
when not matched then insert by name;
