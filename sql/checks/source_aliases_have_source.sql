-- Every outlet alias points at an existing source.
select sa.alias, sa.source_id from source_aliases sa anti join sources s using (source_id);
