select entity_id, alias from entity_aliases;
