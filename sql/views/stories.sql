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
comment on view analytics.stories is 'One row per story (articles about one event, across outlets): its first headline, when it ran, how many articles and outlets carried it and how many were copies.';
comment on column analytics.stories.story_id is 'The story: the article_id of its first article.';
comment on column analytics.stories.title is 'Headline of the story''s earliest published article.';
comment on column analytics.stories.first_published_at is 'Publication time (UTC) of its earliest article.';
comment on column analytics.stories.last_published_at is 'Publication time (UTC) of its latest article.';
comment on column analytics.stories.articles is 'Articles in the story, copies included.';
comment on column analytics.stories.outlets is 'Distinct outlets that carried it.';
comment on column analytics.stories.copies is 'Of its articles, those that are copies of another (duplicate_of set).';
comment on column analytics.stories.outlet_names is 'Display names of the outlets that carried it, sorted.';
