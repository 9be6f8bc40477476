-- Feeds that brought no new article for more than $hours hours (or never), for the run summary.
select feed, outlet, last_outcome, last_new_article_at, hours_since_new_article
from analytics.source_freshness
where hours_since_new_article is null or hours_since_new_article > $hours
order by hours_since_new_article desc nulls first, feed;
