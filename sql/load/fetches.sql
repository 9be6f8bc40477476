-- `distinct on` the key: MERGE inserts every unmatched row, so a key met twice in the batch would break the
-- primary key here and be stored twice where there is none (a DuckLake).
merge into fetches
using (select distinct on (fetch_id) * from stage_fetches) as incoming
on fetches.fetch_id = incoming.fetch_id
when not matched then insert by name;
