-- A lake has no primary key: every source_aliases key (alias_kind, alias) stored once (the embedded file's key refuses a
-- second). Only the keys inserted from snapshot $since to $until are looked for (the run's own, since the
-- last published snapshot: a whole-table count cost 2.7 s a run for the mentions at 1,000,000 articles).
select alias_kind, alias, count(*) as n from source_aliases
semi join ducklake_table_insertions('lake', 'main', 'source_aliases', $since, $until) using (alias_kind, alias)
group by all having count(*) > 1;
