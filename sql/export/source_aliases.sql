-- The whole source_aliases table (small: one file, not partitioned).
select * from source_aliases
