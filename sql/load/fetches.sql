insert into fetches by name
select * from stage_fetches
on conflict do nothing;
