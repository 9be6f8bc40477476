-- Publish dates are after 1990 and not more than a day after the article was fetched.
select article_id, published_at, fetched_at
from articles
where published_at < timestamp '1990-01-01' or published_at > fetched_at + interval 1 day;
