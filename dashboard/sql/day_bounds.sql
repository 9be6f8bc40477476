-- The first and last UTC day with articles.
select min(day) as first_day, max(day) as last_day, count(distinct outlet) as outlets
from analytics.articles_per_outlet_per_day;
