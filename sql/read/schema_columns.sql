-- Columns of the warehouse's tables and views, in their order, with their comments (for docs/schema.md).
select schema_name, table_name, column_name, data_type, comment
from duckdb_columns()
where database_name = current_database() and schema_name in ('main', 'analytics') and not internal
order by schema_name, table_name, column_index;
