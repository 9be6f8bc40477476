-- The articles of this load (stage_articles), for changes_of_articles.sql: is_new for those no earlier load
-- of the same transaction met. A run merged in chunks (store.batch_transaction) takes an article's rows away
-- as they stood before the first chunk that met it, and puts in every article's rows once, after the last.
update aggregate_articles set is_new = false;
insert into aggregate_articles
select distinct article_id, true
from stage_articles
where article_id not in (select article_id from aggregate_articles);
