-- New and changed articles (the transform sends only those). first_seen_at is kept; a date resolved from
-- relative text or the fetch time never replaces one the publisher stated.
insert into articles by name
select * from stage_articles
on conflict (article_id) do update set
    canonical_url = excluded.canonical_url,   -- a page read later may name the article's canonical URL
    url = excluded.url,
    source_id = excluded.source_id,
    feed_id = excluded.feed_id,
    guid = coalesce(excluded.guid, articles.guid),
    title = excluded.title,
    summary = coalesce(excluded.summary, articles.summary),
    body = excluded.body,
    authors = excluded.authors,
    language = coalesce(excluded.language, articles.language),
    section = coalesce(excluded.section, articles.section),
    image_url = coalesce(excluded.image_url, articles.image_url),
    published_at = case
        when excluded.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_at
        else excluded.published_at end,
    published_source = case
        when excluded.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_source
        else excluded.published_source end,
    published_note = case
        when excluded.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_note
        else excluded.published_note end,
    published_day = case
        when excluded.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_day
        else excluded.published_day end,
    published_utc_offset = case
        when excluded.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_utc_offset
        else excluded.published_utc_offset end,
    fetched_at = excluded.fetched_at,
    modified_at = coalesce(excluded.modified_at, articles.modified_at),
    word_count = excluded.word_count,
    content_hash = excluded.content_hash,
    content_source = excluded.content_source,
    duplicate_of = excluded.duplicate_of,
    duplicate_kind = excluded.duplicate_kind,
    duplicate_similarity = excluded.duplicate_similarity,
    story_id = excluded.story_id
where articles.content_hash is distinct from excluded.content_hash;
