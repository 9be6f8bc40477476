-- fetches loses its primary key, as the three largest tables did in migration 019 (issue 15): DuckDB keeps
-- a primary key as an ART index that every checkpoint writes again, and the table's last row group with it,
-- so the checkpoint that publishes a run cost time in proportion to the fetch log, not to the run. A
-- fetches-shaped table, 20 rows appended and checkpointed (medians of 4): 20 ms at 3,000 rows, 65 ms at
-- 30,000, 217 ms at 120,000 with the key; 6-10 ms at every size without it (a re-poll of 1,000 feeds adds
-- 1,000 rows a run). Its key is held by the load as on a lake: the MERGE inserts a fetch_id once, and
-- sql/load/keys/fetches.sql checks the keys each load staged before it commits. The table is made again
-- without its key, rows, check and comments as they were; the views read it by name and need nothing.

create table fetches_022 (
    fetch_id          varchar not null,
    run_id            varchar not null,
    feed_id           varchar not null,
    purpose           varchar not null check (purpose in ('feed', 'listing', 'article')),
    url               varchar not null,
    final_url         varchar,
    status_code       integer,
    outcome           varchar not null,
    error             varchar,
    content_sha256    varchar,
    content_type      varchar,
    bytes             bigint,
    elapsed_ms        double,
    fetched_at        timestamp not null,
    etag              varchar,
    last_modified     varchar,
    content_encoding  varchar
);
insert into fetches_022 (
    fetch_id, run_id, feed_id, purpose, url, final_url, status_code, outcome, error, content_sha256,
    content_type, bytes, elapsed_ms, fetched_at, etag, last_modified, content_encoding)
select
    fetch_id, run_id, feed_id, purpose, url, final_url, status_code, outcome, error, content_sha256,
    content_type, bytes, elapsed_ms, fetched_at, etag, last_modified, content_encoding
from fetches;
drop table fetches;
alter table fetches_022 rename to fetches;
comment on table fetches is 'One fetch of a feed, listing or article page: outcome, reason, and the raw body''s sha256 in warehouse/raw/.';
comment on column fetches.fetch_id is 'Stable id: stable_id(run_id, feed_id, purpose, url).';
comment on column fetches.run_id is 'The run that fetched (runs.run_id).';
comment on column fetches.feed_id is 'The endpoint fetched, or for an article page the endpoint that linked it (feeds.feed_id).';
comment on column fetches.purpose is 'What was fetched: feed (rss, atom, jsonfeed or sitemap), listing (aggregator page) or article (an item''s page).';
comment on column fetches.url is 'The URL requested.';
comment on column fetches.final_url is 'The URL after redirects (the requested one when there were none).';
comment on column fetches.status_code is 'HTTP status; null for file:// reads, network errors and refused fetches.';
comment on column fetches.outcome is 'ok, not_modified (304, or the same body as the last ok fetch), http_error, network_error, missing (file), too_large, refused (private address, robots.txt) or parse_error.';
comment on column fetches.error is 'Why the fetch or parse failed; null when it did not.';
comment on column fetches.content_sha256 is 'SHA-256 (64 hex) of the body as received: the raw copy is warehouse/raw/<first 2 hex>/<sha256>.gz; null without a body.';
comment on column fetches.content_type is 'Content-Type response header, verbatim.';
comment on column fetches.bytes is 'Body size in bytes after transfer decoding (gzip, br); null without a body.';
comment on column fetches.elapsed_ms is 'Milliseconds from the start of the fetch to its result, including waiting for the per-host slot and HTTP retries.';
comment on column fetches.fetched_at is 'UTC time the fetch started.';
comment on column fetches.etag is 'ETag response header, verbatim.';
comment on column fetches.last_modified is 'Last-Modified response header, verbatim HTTP-date text.';
comment on column fetches.content_encoding is 'Content-Encoding response header (gzip, br, ...), verbatim.';
