-- One story's articles (analytics.story_articles), oldest first: originals and copies with what they copy.
select published_at, outlet, title, is_copy, original_outlet, original_title, similarity, url, article_id,
       duplicate_of
from analytics.story_articles
where story_id = $story_id
order by published_at, article_id;
