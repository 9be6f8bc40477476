-- check_results' key (run_id, check_name), held by the load (migration 023: no primary key). The keys this
-- run staged that the table now holds more than once, the first 5; none, or the record fails.
select run_id, check_name, count(*) as n from check_results
semi join stage_check_results using (run_id, check_name)
group by all having count(*) > 1
order by all limit 5;
