-- One row per story (articles about one event across outlets): its first article's title, when it ran,
-- how many articles and outlets carried it, and how many of those articles were copies.
create or replace view analytics.stories as
select
    a.story_id,
    arg_min(a.title, a.published_at)            as title,
    min(a.published_at)                         as first_published_at,
    max(a.published_at)                         as last_published_at,
    count(*)                                    as articles,
    count(distinct a.source_id)                 as outlets,
    count(*) filter (where a.duplicate_of is not null) as copies,
    list(distinct s.name order by s.name)       as outlet_names
from articles a
join sources s using (source_id)
where a.story_id is not null
group by a.story_id;
