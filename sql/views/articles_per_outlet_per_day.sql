-- Articles per outlet per UTC day. `originals` leaves out copies (duplicate_of set: syndicated or near-
-- duplicate texts), which are articles of their outlet but not new texts; `stories` counts the distinct
-- events among the originals, so a syndicated story is counted once, for the outlet that ran it first.
create or replace view analytics.articles_per_outlet_per_day as
select
    s.name                                  as outlet,
    a.source_id,
    cast(a.published_at as date)            as day,
    count(*)                                as articles,
    count(*) filter (where a.duplicate_of is null) as originals,
    count(distinct coalesce(a.story_id, a.article_id)) filter (where a.duplicate_of is null) as stories,
    cast(sum(a.word_count) as bigint)       as words
from articles a
join sources s using (source_id)
group by all;
