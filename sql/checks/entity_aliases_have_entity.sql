-- Every alias points at an existing entity.
select ea.entity_id, ea.alias from entity_aliases ea anti join entities e using (entity_id);
