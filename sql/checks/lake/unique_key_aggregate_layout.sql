-- A lake has no primary key: every aggregate_layout key (table_name) stored once (the embedded file's key refuses a second).
select table_name, count(*) as n from aggregate_layout group by all having count(*) > 1;
