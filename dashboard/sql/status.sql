-- Is there anything to show: the analytics views exist (a run has loaded), and is the full-text index there
-- (schema fts_main_articles, built after each load; the dashboard falls back to substring search without it;
-- a lake's is in its search file, attached as `search`).
select
    exists (select 1 from duckdb_views() where database_name = current_database()
            and schema_name = 'analytics' and view_name = 'latest_articles') as has_views,
    exists (select 1 from duckdb_tables() where database_name in (current_database(), 'search')
            and schema_name = 'fts_main_articles' and table_name = 'docs') as has_search_index;
