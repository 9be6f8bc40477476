-- The response headers that matter for replay and diagnosis, beside the ones already kept.
alter table fetches add column etag varchar;
alter table fetches add column last_modified varchar;
alter table fetches add column content_encoding varchar;
