-- The title each stored article has, by the feed it was met through and its outlet: a shard is given the
-- titles of its own feeds and of their outlets only (an item already loaded under the same title is not
-- fetched again), not every article.
select feed_id, source_id, url, title
from articles
where url is not null;
