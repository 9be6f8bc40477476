-- Stories per UTC day (by the day a story first ran), with the articles and outlets carrying them.
create or replace view analytics.stories_per_day as
select
    cast(first_published_at as date)  as day,
    count(*)                          as stories,
    sum(articles)                     as articles,
    count(*) filter (where outlets > 1) as multi_outlet_stories
from analytics.stories
group by all;
comment on view analytics.stories_per_day is 'One row per UTC day on which at least one story started: how many stories began that day, their articles, and how many were carried by more than one outlet.';
comment on column analytics.stories_per_day.day is 'UTC date of the stories'' first publication (analytics.stories.first_published_at).';
comment on column analytics.stories_per_day.stories is 'Stories whose first article was published that day.';
comment on column analytics.stories_per_day.articles is 'All articles of those stories, including ones published on later days.';
comment on column analytics.stories_per_day.multi_outlet_stories is 'Of those stories, the ones carried by more than one outlet.';
