-- Ingest runs newest first, with their duration and the data-quality checks that failed.
create or replace view analytics.run_history as
select
    r.*,
    date_diff('millisecond', r.started_at, r.finished_at) / 1000.0 as duration_s,
    (select count(*) from check_results c where c.run_id = r.run_id and c.failing_rows > 0)
        as checks_failed
from runs r
order by r.started_at desc;
comment on view analytics.run_history is 'One row per ingest run, newest first: its status and counts (the runs table), how long it took and how many data-quality checks failed after it.';
comment on column analytics.run_history.run_id is 'The run''s id (Prefect flow run id, or a random UUID outside Prefect).';
comment on column analytics.run_history.flow_run_id is 'Prefect flow run id; null outside Prefect.';
comment on column analytics.run_history.sources_file is 'Path of the sources file the run read.';
comment on column analytics.run_history.schedule_group is 'The schedule group run; null for all sources, reprocess for a reprocess.';
comment on column analytics.run_history.started_at is 'UTC time the run started.';
comment on column analytics.run_history.finished_at is 'UTC time the run was recorded as finished; null while running.';
comment on column analytics.run_history.status is 'running, completed, failed, skipped or interrupted.';
comment on column analytics.run_history.sources_total is 'Endpoints the run fetched.';
comment on column analytics.run_history.sources_failed is 'Endpoints whose fetch or parse failed.';
comment on column analytics.run_history.items_parsed is 'Raw items that reached the transform.';
comment on column analytics.run_history.articles_new is 'Articles not yet in the warehouse.';
comment on column analytics.run_history.articles_changed is 'Stored articles given a new text.';
comment on column analytics.run_history.articles_unchanged is 'Articles whose text was already stored.';
comment on column analytics.run_history.entities_new is 'Rows added to entities by the load.';
comment on column analytics.run_history.error is 'Why the run failed, was skipped or was interrupted; null for a completed run.';
comment on column analytics.run_history.lock_wait_seconds is 'Seconds the run waited for another process''s lock on the writer''s file.';
comment on column analytics.run_history.search_index_seconds is 'Seconds spent on the full-text search index after the load (null: not touched).';
comment on column analytics.run_history.duration_s is 'finished_at - started_at in seconds (millisecond precision); null while running.';
comment on column analytics.run_history.checks_failed is 'Data-quality checks recorded for the run with at least one failing row (0 when none failed or none ran).';
