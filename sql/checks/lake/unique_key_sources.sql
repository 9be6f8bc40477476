-- A lake has no primary key: every sources key (source_id) stored once (the embedded file's key refuses a second).
select source_id, count(*) as n from sources group by all having count(*) > 1;
