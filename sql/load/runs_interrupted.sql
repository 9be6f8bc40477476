-- Runs left 'running' by a process that was killed or crashed, marked interrupted when the next run starts
-- (it holds the ingest lock; $alive are the runs still alive between their start and their merge, which
-- hold their own run lock: flows/run_lock.py). A run's fetch log is loaded in the same transaction
-- as its batch, so it tells whether the batch was committed. The runs are listed first, then updated (a
-- lake's UPDATE takes no RETURNING).
select run_id from runs where status = 'running' and run_id <> $run_id and not list_contains($alive, run_id);
update runs set
    status = 'interrupted',
    finished_at = coalesce(finished_at, $now),
    error = case
        when exists (select 1 from fetches f where f.run_id = runs.run_id)
            then 'stopped after its load committed (killed or crashed): its batch is in the warehouse'
        else 'stopped before its load committed (killed or crashed): nothing of its batch was loaded'
    end
where status = 'running' and run_id <> $run_id and not list_contains($alive, run_id);
