-- DuckDB's memory limit for the rest of a closing connection: its checkpoint's bound
-- (store/connection.py checkpoint_to_close).
set memory_limit = $memory_limit;
