-- Health of every polled endpoint, for `newsetl sources`: its feeds row and the median latency of its own
-- fetches (feed or listing; article pages excluded), as in analytics.feed_health but read from the tables,
-- so it answers before the views exist. Keyed by feed_id (the hash of the source name).
select
    f.feed_id,
    f.name,
    f.last_outcome,
    f.last_status_code,
    f.last_error,
    f.error_streak,
    f.last_fetched_at,
    f.last_success_at,
    f.items_last_run,
    l.median_latency_ms
from feeds f
left join (
    select feed_id, median(elapsed_ms) as median_latency_ms
    from fetches
    where purpose <> 'article'
    group by feed_id
) l using (feed_id)
order by f.name;
