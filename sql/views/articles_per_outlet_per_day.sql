-- Articles per outlet per day, the publisher's own calendar day (articles.published_day: a US article of
-- 24 Feb at 21:25 local time counts on the 24th, though it is the 25th in UTC). `originals` leaves out copies (duplicate_of set: syndicated or near-
-- duplicate texts), which are articles of their outlet but not new texts; `stories` counts the distinct
-- events among the originals, so a syndicated story is counted once, for the outlet that ran it first.
create or replace view analytics.articles_per_outlet_per_day as
select
    s.name                                  as outlet,
    a.source_id,
    coalesce(a.published_day, cast(a.published_at as date)) as day,
    count(*)                                as articles,
    count(*) filter (where a.duplicate_of is null) as originals,
    count(distinct coalesce(a.story_id, a.article_id)) filter (where a.duplicate_of is null) as stories,
    cast(sum(a.word_count) as bigint)       as words
from articles a
join sources s using (source_id)
group by all;
comment on view analytics.articles_per_outlet_per_day is 'One row per outlet and publication day (the publisher''s own calendar day): how many articles it ran, how many were original texts rather than copies, how many distinct stories those covered, and their words.';
comment on column analytics.articles_per_outlet_per_day.outlet is 'The outlet''s display name (sources.name).';
comment on column analytics.articles_per_outlet_per_day.source_id is 'The outlet (sources.source_id).';
comment on column analytics.articles_per_outlet_per_day.day is 'The publisher''s calendar day of the articles (articles.published_day; the UTC date of published_at where the publisher stated no zone).';
comment on column analytics.articles_per_outlet_per_day.articles is 'Articles the outlet published that day, copies included.';
comment on column analytics.articles_per_outlet_per_day.originals is 'Of those, the articles that are not copies (duplicate_of null).';
comment on column analytics.articles_per_outlet_per_day.stories is 'Distinct stories among the originals (an article without a story counts as its own).';
comment on column analytics.articles_per_outlet_per_day.words is 'Sum of word_count over all the day''s articles, copies included.';
