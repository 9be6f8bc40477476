insert into check_results (run_id, check_name, failing_rows, checked_at)
values ($run_id, $check_name, $failing_rows, $checked_at)
on conflict do nothing;
