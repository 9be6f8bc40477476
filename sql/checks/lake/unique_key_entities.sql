-- A lake has no primary key: every entities key (entity_id) stored once (the embedded file's key refuses a
-- second). Only the keys inserted from snapshot $since to $until are looked for (the run's own, since the
-- last published snapshot: a whole-table count cost 2.7 s a run for the mentions at 1,000,000 articles).
select entity_id, count(*) as n from entities
semi join ducklake_table_insertions('lake', 'main', 'entities', $since, $until) using (entity_id)
group by all having count(*) > 1;
