-- fetches' key (fetch_id), held by the load (migration 022: no primary key). The keys this load staged that
-- the table now holds more than once, the first 5; none, or the load fails.
select fetch_id, count(*) as n from fetches
semi join stage_fetches using (fetch_id)
group by all having count(*) > 1
order by all limit 5;
