-- Every article of every story, with its outlet and, for a copy (syndicated text), the article it copies
-- and how alike the two are: what a story page lists, and what a media researcher counts.
create or replace view analytics.story_articles as
select
    a.story_id,
    a.article_id,
    a.title,
    s.name                              as outlet,
    a.published_at,
    a.url,
    a.duplicate_of is not null          as is_copy,
    a.duplicate_of,
    o.title                             as original_title,
    os.name                             as original_outlet,
    a.duplicate_similarity              as similarity
from articles a
join sources s using (source_id)
left join articles o on o.article_id = a.duplicate_of
left join sources os on os.source_id = o.source_id
where a.story_id is not null;
comment on view analytics.story_articles is 'One row per article of a story: its outlet, when it was published and, if it is a copy of another article, that original, its outlet and their similarity.';
comment on column analytics.story_articles.story_id is 'The story (analytics.stories.story_id: the article_id of its first article).';
comment on column analytics.story_articles.article_id is 'The article (articles.article_id).';
comment on column analytics.story_articles.title is 'The article''s headline.';
comment on column analytics.story_articles.outlet is 'Display name of the article''s outlet.';
comment on column analytics.story_articles.published_at is 'Publication time (UTC).';
comment on column analytics.story_articles.url is 'The article''s URL.';
comment on column analytics.story_articles.is_copy is 'True if the article is a copy of another one (duplicate_of is set).';
comment on column analytics.story_articles.duplicate_of is 'The article this one copies (articles.article_id), if a copy.';
comment on column analytics.story_articles.original_title is 'Headline of the original, if a copy.';
comment on column analytics.story_articles.original_outlet is 'Display name of the original''s outlet, if a copy.';
comment on column analytics.story_articles.similarity is 'Estimated Jaccard similarity of word 5-shingles with the original (1.0 for the same text); null for an original.';
