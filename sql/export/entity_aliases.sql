-- The whole entity_aliases table (small: one file, not partitioned).
select * from entity_aliases
