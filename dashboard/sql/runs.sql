-- The latest ingest runs, newest first.
select started_at, status, duration_s, schedule_group, sources_total, sources_failed, articles_new,
       articles_changed, entities_new, checks_failed, error, run_id
from analytics.run_history
order by started_at desc
limit $limit;
