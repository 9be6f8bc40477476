-- The articles whose ids are in $article_ids, as update_index.sql reads them (search_batch), when the caller
-- has only their ids (an article the index misses). They are picked by a filter on the scan
-- (list_contains), which reads the bodies of the row groups holding them only; `in (select unnest(...))`
-- is a join that read every stored body (+90 MB of DuckDB's cache at 20,000 articles, for an update of
-- 1,430). A load gives its own rows instead, and reads no body.
create or replace temp table search_batch as
select article_id, title, body
from articles
where list_contains($article_ids, article_id);
