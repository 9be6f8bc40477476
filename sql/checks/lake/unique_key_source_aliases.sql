-- A lake has no primary key: every source_aliases key (alias_kind, alias) stored once (the embedded file's key refuses a second).
select alias_kind, alias, count(*) as n from source_aliases group by all having count(*) > 1;
