-- Articles matching a full-text query, best first (BM25 over title and body; fts_main_articles is built by
-- sql/search/build_index.sql). Copies of a syndicated text are left out: their first carrier stands for them,
-- and `copies` says how many there are. $phrases must each be in the title or body as written (BM25 has
-- no phrase operator), $excluded none of them; both lower case. $source_ids: the outlets asked for (null:
-- all), resolved from any of their names or aliases by sql/read/outlets_by_alias.sql.
select
    round(a.score, 3)    as score,
    a.published_at,
    s.name               as outlet,
    a.title,
    a.story_id,
    (select count(*) from articles c where c.duplicate_of = a.article_id) as copies,
    a.url,
    a.article_id,
    coalesce(a.body, a.summary) as body
from (
    select *, fts_main_articles.match_bm25(article_id, $query) as score,
           lower(coalesce(title, '') || ' ' || coalesce(body, summary, '')) as searched
    from articles
) a
join sources s using (source_id)
where a.score is not null
  and a.duplicate_of is null
  and ($source_ids is null or list_contains($source_ids, a.source_id))
  and ($since is null or a.published_at >= $since)
  and (len($phrases) = 0 or list_bool_and(list_transform($phrases, lambda p: contains(a.searched, p))))
  and (len($excluded) = 0 or not list_bool_or(list_transform($excluded, lambda x: contains(a.searched, x))))
order by a.score desc, a.published_at desc
limit $limit;
