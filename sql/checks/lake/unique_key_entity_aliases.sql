-- A lake has no primary key: every entity_aliases key (entity_id, alias) stored once (the embedded file's key refuses a second).
select entity_id, alias, count(*) as n from entity_aliases group by all having count(*) > 1;
