-- Stories per day (by the day each first ran) from $since.
select day, stories, articles, multi_outlet_stories
from analytics.stories_per_day
where ($since is null or day >= cast($since as date))
order by day;
