-- DuckDB's memory limit: a checkpoint's bound, or a limit set on the connection set back after it
-- (store/connection.py checkpoint).
set memory_limit = $memory_limit;
