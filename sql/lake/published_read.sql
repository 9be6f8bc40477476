select max(snapshot_id) from search.main.published_snapshot;
