-- The warehouse's "now": the newest moment it holds data for (its newest fetch, or the start of its newest
-- run that loaded or is loading). Views and queries that ask "in the last 24 hours", "this week" or "how
-- long ago" take it from here rather than from the wall clock, so the same warehouse answers the same way
-- on any day, and a snapshot answers as of its own data.
create or replace view analytics.as_of as
with newest as (
    select greatest(
        (select max(fetched_at) from fetches),
        (select max(started_at) from runs where status in ('completed', 'running')),
        (select max(first_seen_at) from articles)) as newest_at
)
select newest_at as as_of, cast(newest_at as date) as as_of_day
from newest;
comment on view analytics.as_of is 'One row: the warehouse''s "now" (UTC), its newest fetch or run start. Use it instead of current_date/current_timestamp for "this week" or "the last 24 hours", so a query gives the same answer on any day.';
comment on column analytics.as_of.as_of is 'UTC time of the newest fetch, run start or first sighting of an article in the warehouse.';
comment on column analytics.as_of.as_of_day is 'The UTC calendar day of as_of: `where day > (select as_of_day from analytics.as_of) - 7` is "the last 7 days".';
