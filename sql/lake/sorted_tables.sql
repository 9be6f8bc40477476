-- The tables kept sorted by entity (aggregate_layout): on a lake the catalog keeps them sorted on write
-- (SET SORTED BY) instead of sort_by_entity's rewrite.
select table_name from newsetl_reference.main.aggregate_layout order by table_name;
