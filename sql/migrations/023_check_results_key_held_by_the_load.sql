-- check_results loses its primary key, as fetches did in migration 022 (issue 15): DuckDB keeps a primary
-- key as an ART index that every checkpoint writes again, so the checkpoint that publishes every run cost
-- time, and the file space the copy publishing it moves, in proportion to the table (15 rows a run; a run
-- every 15 minutes stores 120,000 in 83 days). A check_results-shaped table, 15 rows appended and
-- checkpointed (medians of 5): 6.7 ms at 3,000 rows, 14.5 ms at 30,000, 36 ms at 120,000 with the key, the
-- file 1.3, 2.6 and 8.2 MB; 3.4-4.0 ms and 0.8-1.3 MB without it. Its key is held by the load as on a lake:
-- the MERGE (sql/load/check_results.sql) inserts a (run_id, check_name) once, and
-- sql/load/keys/check_results.sql checks the keys each run staged before it commits. The table is made again
-- without its key, rows and comments as they were; the views read it by name and need nothing.

create table check_results_023 (
    run_id        varchar not null,
    check_name    varchar not null,
    failing_rows  bigint not null,
    checked_at    timestamp not null
);
insert into check_results_023 (run_id, check_name, failing_rows, checked_at)
select run_id, check_name, failing_rows, checked_at from check_results;
drop table check_results;
alter table check_results_023 rename to check_results;
comment on table check_results is 'Data-quality checks (sql/checks/) after each load: rows breaking each rule.';
comment on column check_results.run_id is 'The run after whose load the checks ran (runs.run_id).';
comment on column check_results.check_name is 'The check: the name of a file in sql/checks/ without .sql.';
comment on column check_results.failing_rows is 'Rows breaking the check''s rule (0: it passes).';
comment on column check_results.checked_at is 'UTC time the checks ran.';
