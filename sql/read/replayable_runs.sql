-- The recorded runs `reprocess` replays, oldest first: every run whose fetch log holds a landed body of a
-- feed or listing page, except runs whose load failed (they committed no rows). A reprocess itself
-- fetches nothing, so it is never among them.
select r.run_id, r.started_at
from runs r
where r.status <> 'failed'
  and exists (select 1 from fetches f
              where f.run_id = r.run_id and f.purpose in ('feed', 'listing')
                and f.outcome in ('ok', 'parse_error', 'no_items') and f.content_sha256 is not null)
order by r.started_at, r.run_id;
