-- article_versions' key (article_id, content_hash), held by the load (migration 019: no primary key). The
-- keys this load staged that the table now holds more than once, the first 5; none, or the load fails.
select article_id, content_hash, count(*) as n from article_versions
semi join stage_article_versions using (article_id, content_hash)
group by all having count(*) > 1
order by all limit 5;
