-- A run's check results (stage_check_results: run_id, check_name, failing_rows, checked_at), each once.
merge into check_results
using stage_check_results as incoming
on check_results.run_id = incoming.run_id and check_results.check_name = incoming.check_name
when not matched then insert by name;
