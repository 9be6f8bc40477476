-- The columns the lake has now, per table (store/lake.py adds what the reference schema has beyond them).
select table_name, column_name
from duckdb_columns()
where database_name = current_database() and schema_name = 'main';
