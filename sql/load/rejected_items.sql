insert into rejected_items by name
select * from stage_rejected_items;
