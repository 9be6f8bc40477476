-- Record the views just applied (store/migrations.py apply_views_if_changed), in their transaction.
delete from views_applied;
insert into views_applied (sha256, views, applied_at)
select $sha256, count(*), $applied_at from duckdb_views()
where database_name = current_database() and schema_name = 'analytics';
