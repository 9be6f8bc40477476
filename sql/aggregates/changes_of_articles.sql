-- The rows of the loaded articles (sql/aggregates/articles_of_load.sql) as they stand now: with $sign -1
-- before a load, of the articles it is the first to meet; +1 after the last load, of all of them.
insert into aggregate_changes
select $sign, ae.article_id, ae.entity_id, a.source_id, a.published_at, ae.mention_count, ae.is_in_title,
       ae.salience
from article_entities ae
join articles a using (article_id)
where ae.article_id in (select article_id from aggregate_articles where is_new or $sign = 1);
