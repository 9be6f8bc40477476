-- The whole sources table (small: one file, not partitioned).
select * from sources
