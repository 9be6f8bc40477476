-- A lake has no primary key: every sources key (source_id) stored once (the embedded file's key refuses a
-- second). Only the keys inserted from snapshot $since to $until are looked for (the run's own, since the
-- last published snapshot: a whole-table count cost 2.7 s a run for the mentions at 1,000,000 articles).
select source_id, count(*) as n from sources
semi join ducklake_table_insertions('lake', 'main', 'sources', $since, $until) using (source_id)
group by all having count(*) > 1;
