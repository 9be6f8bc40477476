insert into runs (run_id, flow_run_id, sources_file, schedule_group, started_at, status)
values ($run_id, $flow_run_id, $sources_file, $schedule_group, $started_at, 'running')
on conflict do nothing;
