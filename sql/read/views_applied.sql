-- Are the views as sql/views/ makes them: the digest last applied, and the analytics views there now.
select (select max(sha256) from views_applied) as sha256,
       (select max(views) from views_applied) as recorded,
       (select count(*) from duckdb_views() where database_name = current_database()
            and schema_name = 'analytics') as present;
