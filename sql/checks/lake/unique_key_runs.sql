-- A lake has no primary key: every runs key (run_id) stored once (the embedded file's key refuses a second).
select run_id, count(*) as n from runs group by all having count(*) > 1;
