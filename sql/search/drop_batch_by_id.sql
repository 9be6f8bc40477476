-- The articles batch_by_id.sql read, once they are indexed.
drop table if exists search_batch;
