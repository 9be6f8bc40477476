-- The lake's record of the migrations its schema follows (store/lake.py: a lake has no primary key; the
-- migration that adds a version runs under the merge lock, so a version is recorded once).
create table if not exists schema_migrations (
    version     integer   not null,
    name        varchar   not null,
    checksum    varchar   not null,
    applied_at  timestamp not null
);
