-- The URL and title of every stored article that has a URL, with the feed and outlet it was met through: an
-- item already loaded under the same title is not fetched again, and a shard is given the titles of its own
-- feeds and of their outlets only (flows/ingest.py titles_of).
select feed_id, source_id, url, title
from articles
where url is not null;
