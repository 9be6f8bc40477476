-- A lake has no primary key: every aggregate_layout key (table_name) stored once (the embedded file's key refuses a
-- second). Only the keys inserted from snapshot $since to $until are looked for (the run's own, since the
-- last published snapshot: a whole-table count cost 2.7 s a run for the mentions at 1,000,000 articles).
select table_name, count(*) as n from aggregate_layout
semi join ducklake_table_insertions('lake', 'main', 'aggregate_layout', $since, $until) using (table_name)
group by all having count(*) > 1;
