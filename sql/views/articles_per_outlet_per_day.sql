-- Articles per outlet per UTC day. `stories` counts texts, not URLs: a syndicated copy (duplicate_of set)
-- is an article of its outlet but not a new story.
create or replace view analytics.articles_per_outlet_per_day as
select
    s.name                                  as outlet,
    a.source_id,
    cast(a.published_at as date)            as day,
    count(*)                                as articles,
    count(*) filter (where a.duplicate_of is null) as stories,
    cast(sum(a.word_count) as bigint)       as words
from articles a
join sources s using (source_id)
group by all;
