-- A lake has no primary key: every entity_decisions key (decision_id) stored once (the embedded file's key refuses a second).
select decision_id, count(*) as n from entity_decisions group by all having count(*) > 1;
