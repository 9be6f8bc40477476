-- A lake has no primary key: every check_results key (run_id, check_name) stored once (the embedded file's key refuses a
-- second). Only the keys inserted from snapshot $since to $until are looked for (the run's own, since the
-- last published snapshot: a whole-table count cost 2.7 s a run for the mentions at 1,000,000 articles).
select run_id, check_name, count(*) as n from check_results
semi join ducklake_table_insertions('lake', 'main', 'check_results', $since, $until) using (run_id, check_name)
group by all having count(*) > 1;
