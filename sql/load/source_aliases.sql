-- `distinct on` the key: MERGE inserts every unmatched row, so a key met twice in the batch would break the
-- primary key here and be stored twice where there is none (a DuckLake).
merge into source_aliases
using (select distinct on (alias_kind, alias) alias, alias_key, alias_kind, source_id,
              $loaded_at as first_seen_at
       from stage_source_aliases) as incoming
on source_aliases.alias_kind = incoming.alias_kind and source_aliases.alias = incoming.alias
when not matched then insert by name;
