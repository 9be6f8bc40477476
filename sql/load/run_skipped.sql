-- A run that did not start: another run of its schedule group was still going.
insert into runs (run_id, flow_run_id, sources_file, schedule_group, started_at, finished_at, status, error)
values ($run_id, $flow_run_id, $sources_file, $schedule_group, $started_at, $started_at, 'skipped',
        'another run of this schedule group was still in progress')
on conflict do nothing;
