-- One row per polled endpoint: last outcome, error streak, last success and median fetch latency.
create or replace view analytics.feed_health as
select
    f.name,
    f.kind,
    f.url,
    s.name              as outlet,
    f.schedule_group,
    f.last_outcome,
    f.last_status_code,
    f.last_error,
    f.error_streak,
    f.last_fetched_at,
    f.last_success_at,
    f.items_last_run,
    (select median(x.elapsed_ms) from fetches x where x.feed_id = f.feed_id and x.purpose <> 'article')
        as median_latency_ms
from feeds f
left join sources s using (source_id);
