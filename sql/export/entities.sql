-- The whole entities table (small: one file, not partitioned).
select * from entities
