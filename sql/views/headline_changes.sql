-- Every change of an article's headline: the title before and after, and when the new one was seen.
create or replace view analytics.headline_changes as
select *
from (
    select
        v.article_id,
        a.canonical_url,
        s.name                                                          as outlet,
        lag(v.title) over (partition by v.article_id order by v.seen_at) as previous_title,
        v.title,
        v.seen_at                                                       as changed_at
    from article_versions v
    join articles a using (article_id)
    join sources s using (source_id)
)
where previous_title is not null and previous_title is distinct from title;
