-- The tables a warehouse copy fills (store/copy.py): the destination's own, but for its migration record.
select table_name from duckdb_tables()
where database_name = current_database() and schema_name = 'main' and table_name <> 'schema_migrations'
order by table_name;
