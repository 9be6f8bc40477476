-- Entity $entity is no entity at all (`newsetl entities ignore`): its article rows, aliases and itself go.
delete from article_entities where entity_id = $entity;
delete from entity_aliases where entity_id = $entity;
delete from entities where entity_id = $entity;
