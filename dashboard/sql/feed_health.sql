-- Every polled endpoint and its health, failing ones first.
select name, outlet, kind, schedule_group, last_outcome, last_status_code, error_streak, last_error,
       last_fetched_at, last_success_at, items_last_run, median_latency_ms, url
from analytics.feed_health
order by error_streak desc, last_success_at nulls first, name;
