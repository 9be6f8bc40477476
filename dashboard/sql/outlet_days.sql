-- Articles per outlet per day within [$since, $until] (dates, either may be null).
select day, outlet, articles, originals, stories, words
from analytics.articles_per_outlet_per_day
where ($since is null or day >= cast($since as date))
  and ($until is null or day <= cast($until as date))
order by day, outlet;
