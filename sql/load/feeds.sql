-- Feed health after this run's fetch. A failed fetch keeps the validators (ETag, Last-Modified, body
-- hash) of the last good one and lengthens the error streak; a 304 keeps them and resets the streak.
merge into feeds
using (
    select feed_id, name, url, kind, source_id, schedule_group, follow_links, etag, last_modified,
           last_content_sha256, last_status_code, last_outcome, last_error, last_fetched_at,
           case when is_success then last_fetched_at end as last_success_at,
           case when is_success then 0 else 1 end as error_streak,
           items_last_run,
           case when last_outcome = 'ok' then settings_sha256 end as settings_sha256,
           last_warning
    from stage_feeds
) as incoming
on feeds.feed_id = incoming.feed_id
when matched then update set
    name = incoming.name,
    url = incoming.url,
    kind = incoming.kind,
    source_id = incoming.source_id,
    schedule_group = incoming.schedule_group,
    follow_links = incoming.follow_links,
    etag = case when incoming.last_outcome = 'ok' then incoming.etag else feeds.etag end,
    last_modified = case when incoming.last_outcome = 'ok' then incoming.last_modified
                         else feeds.last_modified end,
    last_content_sha256 = case when incoming.last_outcome = 'ok' then incoming.last_content_sha256
                               else feeds.last_content_sha256 end,
    last_status_code = incoming.last_status_code,
    last_outcome = incoming.last_outcome,
    last_error = incoming.last_error,
    last_fetched_at = incoming.last_fetched_at,
    last_success_at = coalesce(incoming.last_success_at, feeds.last_success_at),
    error_streak = case when incoming.error_streak = 0 then 0 else feeds.error_streak + 1 end,
    items_last_run = incoming.items_last_run,
    last_warning = incoming.last_warning,
    -- the settings are recorded as read only when the feed was read with them
    settings_sha256 = case when incoming.last_outcome = 'ok' then incoming.settings_sha256
                           else feeds.settings_sha256 end
when not matched then insert by name;
