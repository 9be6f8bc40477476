-- When the publisher says the article was last updated (JSON-LD dateModified, article:modified_time), UTC.
alter table articles add column modified_at timestamp;
comment on column articles.modified_at is 'Last update the publisher states (JSON-LD dateModified or article:modified_time), UTC.';
