-- What the last good fetch of each feed left: ETag and Last-Modified for a conditional GET, and the body's
-- hash, so an unchanged body (a file, or a server without validators) is not parsed again.
select feed_id, etag, last_modified, last_content_sha256 from feeds;
