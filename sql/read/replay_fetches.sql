-- The latest successful fetch of every URL, with the raw body's sha256: what `reprocess` replays.
select url, final_url, status_code, content_type, content_sha256, fetched_at, elapsed_ms
from fetches
where outcome in ('ok', 'parse_error') and content_sha256 is not null
qualify row_number() over (partition by url order by fetched_at desc, fetch_id) = 1;
