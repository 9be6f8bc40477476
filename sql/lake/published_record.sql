delete from search.main.published_snapshot;
insert into search.main.published_snapshot (snapshot_id, published_at)
select id, $published_at from lake.current_snapshot();
