-- partition: fetched_date
-- The fetch log, partitioned by UTC day.
select *, cast(fetched_at as date) as fetched_date
from fetches
where $since is null or fetched_at >= $since
