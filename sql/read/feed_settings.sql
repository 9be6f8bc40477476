-- The settings each feed was last read with (feeds.settings_sha256), to notice an edited sources entry.
select feed_id, settings_sha256 from feeds where settings_sha256 is not null;
