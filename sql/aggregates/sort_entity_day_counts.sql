-- Write entity_day_counts again sorted by entity, so that one entity's rows sit in one or two row groups.
create or replace temp table sorted_rows as select * from entity_day_counts order by entity_id, day;
delete from entity_day_counts;
insert into entity_day_counts select * from sorted_rows;
drop table sorted_rows;
update aggregate_layout set unsorted_rows = 0, sorted_at = $sorted_at where table_name = 'entity_day_counts';
