-- The successful fetches of one recorded run ($run_id), with the raw body's sha256: what `reprocess`
-- replays for that run (the latest per URL, should a run have fetched a URL twice).
select url, feed_id, purpose, final_url, status_code, content_type, content_sha256, fetched_at, elapsed_ms
from fetches
where run_id = $run_id and outcome in ('ok', 'parse_error', 'no_items') and content_sha256 is not null
qualify row_number() over (partition by url order by fetched_at desc, fetch_id) = 1
order by url;
