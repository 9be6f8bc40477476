-- The columns of one reference table, in order: name, type, nullability, default expression, comment.
select column_name, data_type, is_nullable, column_default, comment
from duckdb_columns()
where database_name = 'newsetl_reference' and schema_name = 'main' and table_name = $table_name
order by column_index;
