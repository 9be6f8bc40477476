-- A lake has no primary key: every fetches key (fetch_id) stored once (the embedded file's key refuses a second).
select fetch_id, count(*) as n from fetches group by all having count(*) > 1;
