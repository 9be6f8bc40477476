-- New and changed articles (the transform sends only those: changed is a new text, or the same text from a
-- better source, as the page of an article first met as a listing card). first_seen_at is kept; a date
-- resolved from relative text or the fetch time never replaces one the publisher stated.
merge into articles
using stage_articles as incoming
on articles.article_id = incoming.article_id
when matched and (articles.content_hash is distinct from incoming.content_hash
                  or articles.content_source is distinct from incoming.content_source) then update set
    canonical_url = incoming.canonical_url,   -- a page read later may name the article's canonical URL
    url = incoming.url,
    source_id = incoming.source_id,
    feed_id = incoming.feed_id,
    guid = coalesce(incoming.guid, articles.guid),
    title = incoming.title,
    summary = coalesce(incoming.summary, articles.summary),
    body = incoming.body,
    authors = incoming.authors,
    language = coalesce(incoming.language, articles.language),
    section = coalesce(incoming.section, articles.section),
    image_url = coalesce(incoming.image_url, articles.image_url),
    published_at = case
        when incoming.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_at
        else incoming.published_at end,
    published_source = case
        when incoming.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_source
        else incoming.published_source end,
    published_note = case
        when incoming.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_note
        else incoming.published_note end,
    published_day = case
        when incoming.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_day
        else incoming.published_day end,
    published_utc_offset = case
        when incoming.published_source in ('relative', 'fetched')
         and articles.published_source not in ('relative', 'fetched') then articles.published_utc_offset
        else incoming.published_utc_offset end,
    fetched_at = incoming.fetched_at,
    modified_at = coalesce(incoming.modified_at, articles.modified_at),
    word_count = incoming.word_count,
    content_hash = incoming.content_hash,
    content_source = incoming.content_source,
    duplicate_of = incoming.duplicate_of,
    duplicate_kind = incoming.duplicate_kind,
    duplicate_similarity = incoming.duplicate_similarity,
    story_id = incoming.story_id,
    has_mojibake = null   -- found again in the new text (articles_has_mojibake.sql)
when not matched then insert by name;
