-- Ingest runs newest first, with their duration and the data-quality checks that failed.
create or replace view analytics.run_history as
select
    r.*,
    date_diff('millisecond', r.started_at, r.finished_at) / 1000.0 as duration_s,
    (select count(*) from check_results c where c.run_id = r.run_id and c.failing_rows > 0)
        as checks_failed
from runs r
order by r.started_at desc;
