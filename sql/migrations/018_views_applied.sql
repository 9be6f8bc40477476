-- What the last views (re)creation applied (store/migrations.py apply_views_if_changed): the digest of
-- sql/views/ and how many views it made. A run re-creates the views only when that digest changed or a
-- view is missing: 0.1 s of a run that finds nothing new on the embedded file, 0.5 s on a lake.
create table views_applied (
    sha256      varchar   not null,
    views       integer   not null,
    applied_at  timestamp not null
);
comment on table views_applied is 'The views of sql/views/ as last applied: their digest (one row), the number of analytics views they made, and when.';
comment on column views_applied.sha256 is 'SHA-256 over the view files'' names and texts (and the backend: a lake leaves out view column comments).';
comment on column views_applied.views is 'Analytics views present after they were applied.';
comment on column views_applied.applied_at is 'When they were applied (UTC).';
