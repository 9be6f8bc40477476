-- The whole feeds table (small: one file, not partitioned).
select * from feeds
