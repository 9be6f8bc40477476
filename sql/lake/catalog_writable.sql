-- Whether the reader's PostgreSQL role could change the lake's catalog: a superuser, or a role that may
-- create in its database or insert, update, delete or truncate any of its ducklake_ tables. A DuckDB
-- connection to a PostgreSQL catalog can send that database any statement (postgres_execute), read-only
-- attachment or not, so user statements (newsetl sql) run only with a role that cannot write it.
select writable from postgres_query('__ducklake_metadata_lake', '
    select coalesce((select rolsuper from pg_roles where rolname = current_user), false)
        or has_database_privilege(current_database(), ''CREATE'')
        or coalesce(bool_or(has_table_privilege(c.oid, ''INSERT, UPDATE, DELETE, TRUNCATE'')), false)
        as writable
    from pg_class c
    where c.relkind = ''r'' and c.relname like ''ducklake\_%''
');
