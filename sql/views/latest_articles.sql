-- Articles newest first, with their outlet and how their date was obtained.
create or replace view analytics.latest_articles as
select
    a.article_id,
    a.published_at,
    a.published_source,
    s.name          as outlet,
    a.title,
    a.summary,
    a.canonical_url,
    a.language,
    a.word_count,
    a.duplicate_of is not null as is_syndicated_copy,
    a.duplicate_of,
    a.story_id,
    a.first_seen_at
from articles a
join sources s using (source_id)
order by a.published_at desc;
comment on view analytics.latest_articles is 'One row per article, newest publication first: what was published, by whom, and how its date was obtained.';
comment on column analytics.latest_articles.article_id is 'The article (articles.article_id).';
comment on column analytics.latest_articles.published_at is 'Publication time, UTC.';
comment on column analytics.latest_articles.published_source is 'Where published_at came from: jsonld, meta, feed, time_tag, url, relative or fetched (no date found: the fetch time).';
comment on column analytics.latest_articles.outlet is 'The outlet''s display name.';
comment on column analytics.latest_articles.title is 'Headline.';
comment on column analytics.latest_articles.summary is 'Standfirst (the feed''s summary, else the page''s description).';
comment on column analytics.latest_articles.canonical_url is 'The article''s canonical URL.';
comment on column analytics.latest_articles.language is 'ISO 639-1 language code.';
comment on column analytics.latest_articles.word_count is 'Words of the body.';
comment on column analytics.latest_articles.is_syndicated_copy is 'True when the text is a copy (exact or near) of an article another URL carried first (duplicate_of set).';
comment on column analytics.latest_articles.duplicate_of is 'The article this one copies (articles.article_id; analytics.syndication has both outlets and the similarity); null for an original.';
comment on column analytics.latest_articles.story_id is 'The story (event) the article belongs to (analytics.stories); null when it was not assigned one.';
comment on column analytics.latest_articles.first_seen_at is 'UTC time of the earliest fetch that carried the article.';
