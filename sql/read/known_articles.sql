-- What the flow and transforms need to know of stored articles: their text's hash and where it came from (to tell
-- new, changed and unchanged articles) and their date (to find the first carrier of a syndicated text).
select article_id, url, content_hash, content_source, published_at, published_source
from articles;
