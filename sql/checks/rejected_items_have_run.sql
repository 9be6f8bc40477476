-- Every rejected item belongs to a recorded run.
select i.run_id, i.item_url from rejected_items i anti join runs r using (run_id);
