-- articles loses its primary key (article_id) and its unique constraint (canonical_url), as the three
-- largest tables did in migration 019 (issue 15). DuckDB keeps each as an ART index, and a table with an
-- index gets no new row group for what a load appends to it once checkpointed: every checkpoint wrote the
-- table's last row group again, every column of up to 122,880 articles, bodies included. At 20,000 stored
-- articles that was +117-121 MB at the close of each chunk's load of 1,500 (+3 MB at 2,000), growing with
-- the table. Both keys are held by the load instead: MERGE INTO inserts an article_id once, and
-- sql/load/keys/articles.sql checks the article_ids and canonical URLs each load staged before it commits
-- (store/load.py); the check articles_unique_canonical_url still looks at the whole table after each run.
-- The table is made again without them, rows and comments as they were; the views read it by name.

create table articles_020 (
    article_id            varchar not null,
    canonical_url         varchar not null,
    url                   varchar,
    source_id             varchar not null,
    feed_id               varchar,
    guid                  varchar,
    title                 varchar,
    summary               varchar,
    body                  varchar,
    authors               varchar[],
    "language"            varchar,
    section               varchar,
    image_url             varchar,
    published_at          timestamp not null,
    published_source      varchar not null,
    first_seen_at         timestamp not null,
    fetched_at            timestamp not null,
    word_count            integer not null,
    content_hash          varchar not null,
    content_source        varchar not null,
    duplicate_of          varchar,
    story_id              varchar,
    published_note        varchar,
    duplicate_kind        varchar,
    duplicate_similarity  double,
    modified_at           timestamp,
    published_day         date,
    published_utc_offset  smallint
);
insert into articles_020 (
    article_id, canonical_url, url, source_id, feed_id, guid, title, summary, body, authors, "language",
    section, image_url, published_at, published_source, first_seen_at, fetched_at, word_count, content_hash,
    content_source, duplicate_of, story_id, published_note, duplicate_kind, duplicate_similarity, modified_at,
    published_day, published_utc_offset)
select
    article_id, canonical_url, url, source_id, feed_id, guid, title, summary, body, authors, "language",
    section, image_url, published_at, published_source, first_seen_at, fetched_at, word_count, content_hash,
    content_source, duplicate_of, story_id, published_note, duplicate_kind, duplicate_similarity, modified_at,
    published_day, published_utc_offset
from articles;
drop table articles;
alter table articles_020 rename to articles;
comment on table articles is 'One article per canonical URL, with its current text.';
comment on column articles.article_id is 'Stable id of the article: stable_id(''article'', canonical_url).';
comment on column articles.canonical_url is 'The URL the article is known by: the page''s canonical link (else the item link), with tracking and AMP parameters, fragment, default port and AMP/mobile variants removed.';
comment on column articles.url is 'The item''s link as the feed, sitemap or listing gave it (before canonicalisation), for the stored text.';
comment on column articles.source_id is 'The outlet (sources.source_id), resolved from the outlet name, else the URL''s domain.';
comment on column articles.feed_id is 'The endpoint (feeds.feed_id) the stored text was met through.';
comment on column articles.guid is 'The feed item''s id (RSS guid, Atom id, JSON Feed id); null for listing cards and sitemaps.';
comment on column articles.title is 'Headline, cleaned (tags removed, entities decoded, NFC, spaces collapsed): the page''s, else the feed''s or card''s.';
comment on column articles.summary is 'Standfirst, cleaned: the feed item''s summary, else the page''s description (JSON-LD, og:description or meta description).';
comment on column articles.body is 'Main text, cleaned, paragraphs separated by a blank line, page furniture (app and newsletter prompts, "Related Articles") dropped; see content_source.';
comment on column articles.authors is 'Author names: the feed''s, else the page''s (JSON-LD author or author meta); empty when none.';
comment on column articles."language" is 'ISO 639-1 code detected from the text with py3langid; for texts under 8 words, the declared language''s primary subtag (en-GB -> en).';
comment on column articles.section is 'Section as the page states it (JSON-LD articleSection or article:section); null when not given.';
comment on column articles.image_url is 'Lead image URL as the page states it (JSON-LD image or og:image).';
comment on column articles.published_at is 'Publication time, UTC: the best plausible date by source (see published_source), else the fetch time.';
comment on column articles.published_source is 'Where published_at came from: jsonld, meta (meta tags, microdata, parsely-page), feed, time_tag, dateline (a visible date on the page: day only), url (day only), htmldate (its guess, the last resort), relative (resolved against fetched_at), fetched (no date found).';
comment on column articles.first_seen_at is 'UTC time of the earliest fetch that carried the article; kept when the article changes.';
comment on column articles.fetched_at is 'UTC time of the fetch the stored text came from.';
comment on column articles.word_count is 'Whitespace-separated words of body (0 when there is none).';
comment on column articles.content_hash is 'SHA-256 (64 hex) of title, a blank line and body (else summary): a new hash is a new version (article_versions).';
comment on column articles.content_source is 'Where the text came from: page (article HTML), feed, listing (aggregator card).';
comment on column articles.duplicate_of is 'The article that first carried the same text (syndication), if this one is a copy.';
comment on column articles.story_id is 'The story (event) the article belongs to: the article_id of the story''s first article.';
comment on column articles.published_note is 'Why better date candidates were rejected (in the future, before 1990), if any.';
comment on column articles.duplicate_kind is 'How duplicate_of was found: exact (same text) or near (MinHash similarity >= threshold).';
comment on column articles.duplicate_similarity is 'Estimated Jaccard similarity of word 5-shingles with duplicate_of.';
comment on column articles.modified_at is 'Last update the publisher states (JSON-LD dateModified or article:modified_time), UTC.';
comment on column articles.published_day is 'The publisher''s own calendar day of the publication (the local date of the date as written); the UTC date of published_at when the publisher''s zone is unknown.';
comment on column articles.published_utc_offset is 'UTC offset of the publisher''s date as written, in minutes (-300 for US Eastern winter time); null when the date stated none.';
