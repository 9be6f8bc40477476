-- Write entity_articles again sorted by entity, so that one entity's rows sit in one or two row groups.
create or replace temp table sorted_rows as select * from entity_articles order by entity_id, published_at desc, article_id;
delete from entity_articles;
insert into entity_articles select * from sorted_rows;
drop table sorted_rows;
update aggregate_layout set unsorted_rows = 0, sorted_at = $sorted_at where table_name = 'entity_articles';
