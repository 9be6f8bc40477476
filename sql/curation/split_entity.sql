-- Split the name $name out of entity $entity into its own entity $new_id: the alias moves, and so do the
-- articles that met the entity under that name only.
insert into entities (entity_id, canonical_name, entity_type, first_seen_at)
select $new_id, $name, entity_type, first_seen_at from entities where entity_id = $entity
on conflict do nothing;
insert into article_entities (article_id, entity_id, mention_count, first_offset, is_in_title, salience,
                              surfaces)
select article_id, $new_id, mention_count, first_offset, is_in_title, salience, surfaces
from article_entities
where entity_id = $entity and surfaces = [$name]
on conflict do nothing;
delete from article_entities where entity_id = $entity and surfaces = [$name];
insert into entity_aliases (entity_id, alias, first_seen_at)
select $new_id, alias, first_seen_at from entity_aliases where entity_id = $entity and alias = $name
on conflict do nothing;
delete from entity_aliases where entity_id = $entity and alias = $name;
