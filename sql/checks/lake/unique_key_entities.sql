-- A lake has no primary key: every entities key (entity_id) stored once (the embedded file's key refuses a second).
select entity_id, count(*) as n from entities group by all having count(*) > 1;
