-- articles' keys, article_id and canonical_url, held by the load (migration 020: no primary key, no unique
-- constraint). The keys this load staged that the table now holds more than once, the first 5; none, or
-- the load fails.
select 'article_id' as key_column, article_id as key, count(*) as n from articles
semi join stage_articles using (article_id)
group by all having count(*) > 1
union all
select 'canonical_url', canonical_url, count(*) from articles
semi join stage_articles using (canonical_url)
group by all having count(*) > 1
order by all limit 5;
