-- The snapshots whose inserted keys a run's key checks look at (sql/checks/lake/): from the one after the
-- published snapshot ($published, null: none yet, so from the first) to the current one.
select least(coalesce($published + 1, 0), id), id from lake.current_snapshot();
