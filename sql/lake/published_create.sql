-- In the lake's search file: the lake snapshot that the index (and the run it was published with) matches.
-- Readers pin their attachment of the lake to it, so the published search file and the published lake
-- snapshot change together, with the file's one rename (store/lake.py publish).
create table if not exists search.main.published_snapshot (
    snapshot_id   bigint    not null,
    published_at  timestamp not null
);
