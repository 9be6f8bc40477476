-- partition: published_date
-- Entity mentions, partitioned like their articles so that a day's articles and mentions sit side by side.
select ae.*, cast(a.published_at as date) as published_date
from article_entities ae
join articles a using (article_id)
where $since is null or a.published_at >= $since
