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
comment on view analytics.feed_health is 'One row per polled endpoint (feed or listing page): is it working, since when has it failed, and how fast does it answer.';
comment on column analytics.feed_health.name is 'The endpoint''s name in the sources file.';
comment on column analytics.feed_health.kind is 'rss, atom, jsonfeed, sitemap or listing.';
comment on column analytics.feed_health.url is 'The URL polled.';
comment on column analytics.feed_health.outlet is 'The outlet configured for the endpoint (null for a listing whose cards name their own outlets).';
comment on column analytics.feed_health.schedule_group is 'The endpoint''s schedule group.';
comment on column analytics.feed_health.last_outcome is 'Outcome of the last fetch: ok, not_modified, http_error, network_error, missing, too_large, refused, parse_error, or no_items (a listing page read, on which no card was found: last_error says why).';
comment on column analytics.feed_health.last_status_code is 'HTTP status of the last fetch (null for file:// reads, network errors and refused fetches).';
comment on column analytics.feed_health.last_error is 'Why the last fetch or parse failed; null when it did not.';
comment on column analytics.feed_health.error_streak is 'Consecutive runs whose fetch or parse failed; 0 after a success.';
comment on column analytics.feed_health.last_fetched_at is 'UTC time the last fetch started.';
comment on column analytics.feed_health.last_success_at is 'UTC time of the last fetch that did not fail (ok or not_modified); null if none yet.';
comment on column analytics.feed_health.items_last_run is 'Items the endpoint offered in the last run; null when it was not parsed (failed or not modified).';
comment on column analytics.feed_health.median_latency_ms is 'Median elapsed_ms (milliseconds) over every recorded fetch of the endpoint itself, article pages excluded.';
