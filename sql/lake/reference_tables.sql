-- The tables of the reference schema (the embedded migrations applied to an empty in-memory database,
-- attached as newsetl_reference), with their comments; the lake's schema follows them (store/lake.py).
select table_name, comment
from duckdb_tables()
where database_name = 'newsetl_reference' and schema_name = 'main' and table_name <> 'schema_migrations'
order by table_name;
