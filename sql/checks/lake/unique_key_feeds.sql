-- A lake has no primary key: every feeds key (feed_id) stored once (the embedded file's key refuses a second).
select feed_id, count(*) as n from feeds group by all having count(*) > 1;
