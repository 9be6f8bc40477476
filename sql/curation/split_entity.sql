-- Split the name $name out of entity $entity into its own entity $new_id: the alias moves, and so do the
-- articles that met the entity under that name only.
merge into entities
using (select $new_id as entity_id, $name as canonical_name, entity_type, first_seen_at
       from entities where entity_id = $entity) as incoming
on entities.entity_id = incoming.entity_id
when not matched then insert by name;
merge into article_entities
using (select article_id, $new_id as entity_id, mention_count, first_offset, is_in_title, salience, surfaces
       from article_entities
       where entity_id = $entity and surfaces = [$name]) as incoming
on article_entities.article_id = incoming.article_id and article_entities.entity_id = incoming.entity_id
when not matched then insert by name;
delete from article_entities where entity_id = $entity and surfaces = [$name];
merge into entity_aliases
using (select $new_id as entity_id, alias, first_seen_at
       from entity_aliases where entity_id = $entity and alias = $name) as incoming
on entity_aliases.entity_id = incoming.entity_id and entity_aliases.alias = incoming.alias
when not matched then insert by name;
delete from entity_aliases where entity_id = $entity and alias = $name;
