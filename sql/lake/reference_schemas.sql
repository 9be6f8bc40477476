-- The reference schema's own schemas beside main (analytics: the views).
select schema_name from duckdb_schemas()
where database_name = 'newsetl_reference' and not internal and schema_name <> 'main'
order by schema_name;
