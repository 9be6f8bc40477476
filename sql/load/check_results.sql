merge into check_results
using (select $run_id as run_id, $check_name as check_name, $failing_rows as failing_rows,
              $checked_at as checked_at) as incoming
on check_results.run_id = incoming.run_id and check_results.check_name = incoming.check_name
when not matched then insert by name;
