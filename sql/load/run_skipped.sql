-- A run that did not start: another run of its schedule group was still going.
merge into runs
using (select $run_id as run_id, $flow_run_id as flow_run_id, $sources_file as sources_file,
              $schedule_group as schedule_group, $started_at as started_at, $started_at as finished_at,
              'skipped' as status, 'another run of this schedule group was still in progress' as error)
    as incoming
on runs.run_id = incoming.run_id
when not matched then insert by name;
