-- Every fetch belongs to a recorded run.
select f.fetch_id, f.run_id from fetches f anti join runs r using (run_id);
