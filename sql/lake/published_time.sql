-- When the published snapshot was committed (maintenance expires no snapshot from then on).
select snapshot_time from lake.snapshots() where snapshot_id = $snapshot_id;
