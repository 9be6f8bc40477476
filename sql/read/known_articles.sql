-- What the flow and transforms need to know of stored articles, in one scan of `articles`: their URL (an
-- item already loaded is not fetched again), their text's hash and where it came from (to tell new, changed
-- and unchanged articles), their date, title, copy link and story (for near-duplicate and story matching),
-- and the feed and outlet each was met through (a shard is given the titles of its own feeds and of their
-- outlets only: flows/ingest.py known_titles_of).
select article_id, url, title, content_hash, content_source, published_at, published_source, fetched_at,
       duplicate_of, story_id, feed_id, source_id
from articles;
