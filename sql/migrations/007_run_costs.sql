-- What a run waited for and spent outside its stages: another process's lock on the writer's file, and the
-- rebuild of the full-text search index. (Publishing the read snapshot comes after the run is recorded:
-- its time is in the run summary and the log.)
alter table runs add column lock_wait_seconds double;
alter table runs add column search_index_seconds double;
comment on column runs.lock_wait_seconds is 'Seconds the run waited for another process''s lock on the writer''s file (news.writer.duckdb).';
comment on column runs.search_index_seconds is 'Seconds spent rebuilding the full-text search index after the load (null: no article changed, not rebuilt).';
comment on column runs.status is 'running, completed, failed (its load failed: nothing loaded), skipped (another run of its group was in progress) or interrupted (killed or crashed; see error).';
