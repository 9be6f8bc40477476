-- The latest articles, newest first, filtered: outlets ($outlets, a list), UTC days [$since, $until], one
-- entity ($entity_id), one language, and a case-insensitive substring of the title or summary ($pattern, an
-- ILIKE pattern with '\' as escape: the search used when the warehouse has no full-text index). Any filter
-- may be null.
select published_at, outlet, title, language, word_count, is_syndicated_copy, canonical_url, article_id
from analytics.latest_articles
where ($outlets is null or list_contains(cast($outlets as varchar[]), outlet))
  and ($since is null or published_at >= cast($since as date))
  and ($until is null or published_at < cast($until as date) + interval 1 day)
  and ($language is null or language = $language)
  and ($entity_id is null
       or article_id in (select article_id from entity_articles where entity_id = $entity_id))
  and ($pattern is null
       or title ilike cast($pattern as varchar) escape '\'
       or summary ilike cast($pattern as varchar) escape '\')
order by published_at desc, article_id
limit $limit;
