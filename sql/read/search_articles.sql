-- Articles matching a full-text query, best first (BM25 over title and body; fts_main_articles is built by
-- sql/search/build_index.sql). Copies of a syndicated text are left out: their first carrier stands for them.
select
    round(score, 3)      as score,
    a.published_at,
    s.name               as outlet,
    a.title,
    a.url,
    a.article_id
from (
    select *, fts_main_articles.match_bm25(article_id, $query) as score
    from articles
) a
join sources s using (source_id)
where a.score is not null
  and a.duplicate_of is null
  and ($outlet is null or s.name = $outlet)
  and ($since is null or a.published_at >= $since)
order by a.score desc, a.published_at desc
limit $limit;
