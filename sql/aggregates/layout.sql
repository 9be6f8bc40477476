-- Each table kept sorted by entity: rows appended since it was last sorted, and its rows now.
select l.table_name, l.unsorted_rows, t.estimated_size as table_rows
from aggregate_layout l
join duckdb_tables() t on t.table_name = l.table_name and t.schema_name = 'main'
    and t.database_name = current_database()
order by l.table_name;
