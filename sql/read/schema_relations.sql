-- Tables and views of the warehouse with their comments (for docs/schema.md); the migrations' own
-- bookkeeping table included.
select schema_name, table_name as name, 'table' as kind, comment
from duckdb_tables()
where database_name = current_database() and schema_name in ('main', 'analytics') and not internal
union all
select schema_name, view_name, 'view', comment
from duckdb_views()
where database_name = current_database() and schema_name in ('main', 'analytics') and not internal
order by kind, schema_name, name;
