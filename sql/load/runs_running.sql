-- Runs recorded as running: alive (between their start and their merge, or merging) or killed.
select run_id from runs where status = 'running';
