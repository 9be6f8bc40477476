-- Articles newest first, with their outlet and how their date was obtained.
create or replace view analytics.latest_articles as
select
    a.article_id,
    a.published_at,
    a.published_source,
    s.name          as outlet,
    a.title,
    a.summary,
    a.canonical_url,
    a.language,
    a.word_count,
    a.duplicate_of is not null as is_syndicated_copy,
    a.first_seen_at
from articles a
join sources s using (source_id)
order by a.published_at desc;
