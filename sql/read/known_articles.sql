-- What the transforms need to know of stored articles, in one scan of `articles`: their URL, their text's hash
-- and where it came from (to tell new, changed and unchanged articles), their date, title, copy link and
-- story (for near-duplicate and story matching). The columns of transforms.dedupe.KNOWN_SCHEMA, in order.
select article_id, url, title, content_hash, content_source, published_at, published_source, fetched_at,
       duplicate_of, story_id
from articles;
