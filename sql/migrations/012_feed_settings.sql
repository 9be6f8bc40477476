-- What a feed was last read with: a hash of its entry in the sources file (kind, URL, outlet, selectors,
-- follow_links, captured_at, robots and private-host settings). A run that finds the entry changed fetches
-- the feed in full and reads every item's page again, so an edited selector applies at once.
alter table feeds add column settings_sha256 varchar;
comment on column feeds.settings_sha256 is 'SHA-256 of the feed''s settings in the sources file as of its last good fetch; when the file changes them, the next run fetches and parses the feed and its pages again (null: not recorded yet).';
