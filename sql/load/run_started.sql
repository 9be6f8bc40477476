merge into runs
using (select $run_id as run_id, $flow_run_id as flow_run_id, $sources_file as sources_file,
              $schedule_group as schedule_group, $started_at as started_at, 'running' as status) as incoming
on runs.run_id = incoming.run_id
when not matched then insert by name;
