-- When the newest snapshot and the published one ($snapshot_id, null: none) were committed: maintenance
-- keeps the snapshots of the hours before the newest (DuckLake dates them by the machine's clock, not the
-- run's), and never the published one or any after it.
select max(snapshot_time), max(snapshot_time) filter (where snapshot_id = $snapshot_id)
from lake.snapshots();
