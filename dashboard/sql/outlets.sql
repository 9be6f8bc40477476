-- Every outlet with articles, the largest first.
select outlet, cast(sum(articles) as bigint) as articles
from analytics.articles_per_outlet_per_day
group by outlet
order by articles desc, outlet;
