-- Headline changes (analytics.headline_changes), newest first, optionally of one outlet ($outlet).
select changed_at, outlet, previous_title, title, canonical_url, article_id
from analytics.headline_changes
where ($outlet is null or outlet = $outlet)
order by changed_at desc, article_id
limit $limit;
