select entity_id, canonical_name, entity_type from entities;
