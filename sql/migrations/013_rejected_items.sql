-- Items skipped one at a time (issue 19): an item whose link or text cannot be parsed, canonicalised,
-- cleaned or recognised is recorded here with its feed, its URL as given and the reason, and left out of
-- the batch; every other item and source loads. (Numbered 013: 011 and 012 are taken on main.)
create table rejected_items (
    run_id       varchar   not null,
    feed_id      varchar,
    item_url     varchar,
    stage        varchar   not null check (stage in ('parse', 'transform', 'entities')),
    reason       varchar   not null,
    rejected_at  timestamp not null
);
comment on table rejected_items is 'One item of a feed or listing skipped by a run because it could not be parsed, canonicalised, cleaned or recognised (the other items loaded).';
comment on column rejected_items.run_id is 'The run that skipped it (runs.run_id).';
comment on column rejected_items.feed_id is 'The feed or listing it came from (feeds.feed_id).';
comment on column rejected_items.item_url is 'Its link as given (made absolute when possible; cut at 2,000 characters); null if it had none.';
comment on column rejected_items.stage is 'Where it was skipped: parse (its link or text checked right after parsing), transform (it made the article transforms fail), entities (named-entity recognition failed on it).';
comment on column rejected_items.reason is 'Why (cut at 500 characters).';
comment on column rejected_items.rejected_at is 'When: the start of the run (UTC).';
