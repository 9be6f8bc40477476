-- The publisher's own calendar day and UTC offset beside the UTC instant (issue 13): a US article of
-- "24 Feb" at 21:25 local time is published_at 2026-02-25 02:25 UTC, published_day 2026-02-24,
-- published_utc_offset -300. Rows loaded before keep their UTC day and an unknown offset.
-- And feed health records a feed read leniently (undefined HTML entities, an ill-formed body feedparser
-- still read) as parsed with warnings.
alter table articles add column published_day date;
alter table articles add column published_utc_offset smallint;
update articles set published_day = cast(published_at as date);
comment on column articles.published_day is 'The publisher''s own calendar day of the publication (the local date of the date as written); the UTC date of published_at when the publisher''s zone is unknown.';
comment on column articles.published_utc_offset is 'UTC offset of the publisher''s date as written, in minutes (-300 for US Eastern winter time); null when the date stated none.';
alter table feeds add column last_warning varchar;
comment on column feeds.last_warning is 'What the last parse had to be lenient about (undefined HTML entities read as HTML, an ill-formed feed read by the lenient parser); null when the feed was well-formed. The feed still counts as parsed (last_outcome ok).';
comment on column articles.published_source is 'Where published_at came from: jsonld, meta (meta tags, microdata, parsely-page), feed, time_tag, dateline (a visible date on the page: day only), url (day only), htmldate (its guess, the last resort), relative (resolved against fetched_at), fetched (no date found).';
