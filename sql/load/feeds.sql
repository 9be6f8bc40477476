-- Feed health after this run's fetch. A failed fetch keeps the validators (ETag, Last-Modified, body
-- hash) of the last good one and lengthens the error streak; a 304 keeps them and resets the streak.
insert into feeds (feed_id, name, url, kind, source_id, schedule_group, follow_links, etag, last_modified,
                   last_content_sha256, last_status_code, last_outcome, last_error, last_fetched_at, last_success_at,
                   error_streak, items_last_run, settings_sha256, last_warning)
select feed_id, name, url, kind, source_id, schedule_group, follow_links, etag, last_modified,
       last_content_sha256, last_status_code, last_outcome, last_error, last_fetched_at,
       case when is_success then last_fetched_at end,
       case when is_success then 0 else 1 end,
       items_last_run,
       case when last_outcome = 'ok' then settings_sha256 end,
       last_warning
from stage_feeds
on conflict (feed_id) do update set
    name = excluded.name,
    url = excluded.url,
    kind = excluded.kind,
    source_id = excluded.source_id,
    schedule_group = excluded.schedule_group,
    follow_links = excluded.follow_links,
    etag = case when excluded.last_outcome = 'ok' then excluded.etag else feeds.etag end,
    last_modified = case when excluded.last_outcome = 'ok' then excluded.last_modified
                         else feeds.last_modified end,
    last_content_sha256 = case when excluded.last_outcome = 'ok' then excluded.last_content_sha256
                               else feeds.last_content_sha256 end,
    last_status_code = excluded.last_status_code,
    last_outcome = excluded.last_outcome,
    last_error = excluded.last_error,
    last_fetched_at = excluded.last_fetched_at,
    last_success_at = coalesce(excluded.last_success_at, feeds.last_success_at),
    error_streak = case when excluded.error_streak = 0 then 0 else feeds.error_streak + 1 end,
    items_last_run = excluded.items_last_run,
    last_warning = excluded.last_warning,
    -- the settings are recorded as read only when the feed was read with them
    settings_sha256 = case when excluded.last_outcome = 'ok' then excluded.settings_sha256
                           else feeds.settings_sha256 end;
