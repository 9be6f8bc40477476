-- A lake has no primary key: every check_results key (run_id, check_name) stored once (the embedded file's key refuses a second).
select run_id, check_name, count(*) as n from check_results group by all having count(*) > 1;
