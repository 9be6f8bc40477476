-- The memory DuckDB holds (bytes), and its memory limit as it prints it ('18.7 GiB'): what a checkpoint is
-- bounded by (store/connection.py checkpoint).
select coalesce(sum(memory_usage_bytes), 0)::bigint as in_use, current_setting('memory_limit') as memory_limit
from duckdb_memory();
