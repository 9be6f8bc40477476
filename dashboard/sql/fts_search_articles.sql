-- Articles matching a full-text query ($query), best first: BM25 over title and body from the index
-- fts_main_articles (sql/search/build_index.sql; needs the fts extension loaded), with the same filters as
-- latest_articles.sql.
with hits as (
    select article_id, score
    from (select article_id, fts_main_articles.match_bm25(article_id, $query) as score from articles)
    where score is not null
)
select l.published_at, l.outlet, l.title, l.language, l.word_count, l.is_syndicated_copy, l.canonical_url,
       l.article_id, round(h.score, 3) as score
from analytics.latest_articles l
join hits h using (article_id)
where ($outlets is null or list_contains(cast($outlets as varchar[]), l.outlet))
  and ($since is null or l.published_at >= cast($since as date))
  and ($until is null or l.published_at < cast($until as date) + interval 1 day)
  and ($language is null or l.language = $language)
  and ($entity_id is null
       or l.article_id in (select article_id from entity_articles where entity_id = $entity_id))
order by h.score desc, l.published_at desc
limit $limit;
