-- Stories per UTC day (by the day a story first ran), with the articles and outlets carrying them.
create or replace view analytics.stories_per_day as
select
    cast(first_published_at as date)  as day,
    count(*)                          as stories,
    sum(articles)                     as articles,
    count(*) filter (where outlets > 1) as multi_outlet_stories
from analytics.stories
group by all;
