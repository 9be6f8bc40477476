-- article_entities' key (article_id, entity_id), held by the load (migration 019: no primary key). The
-- keys this load staged that the table now holds more than once, the first 5; none, or the load fails.
select article_id, entity_id, count(*) as n from article_entities
semi join stage_article_entities using (article_id, entity_id)
group by all having count(*) > 1
order by all limit 5;
