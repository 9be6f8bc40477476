-- A lake has no primary key: every feeds key (feed_id) stored once (the embedded file's key refuses a
-- second). Only the keys inserted from snapshot $since to $until are looked for (the run's own, since the
-- last published snapshot: a whole-table count cost 2.7 s a run for the mentions at 1,000,000 articles).
select feed_id, count(*) as n from feeds
semi join ducklake_table_insertions('lake', 'main', 'feeds', $since, $until) using (feed_id)
group by all having count(*) > 1;
