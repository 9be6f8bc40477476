-- `distinct on` the key: MERGE inserts every unmatched row, so a key met twice in the batch would break the
-- primary key here and be stored twice where there is none (a DuckLake).
merge into article_versions
using (select distinct on (article_id, content_hash) article_id, content_hash, title, body, seen_at
       from stage_article_versions) as incoming
on article_versions.article_id = incoming.article_id and article_versions.content_hash = incoming.content_hash
when not matched then insert by name;
