select alias, alias_key, alias_kind, source_id from source_aliases;
