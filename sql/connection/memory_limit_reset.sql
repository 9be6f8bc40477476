-- DuckDB's own memory limit again, after a checkpoint's bound (store/connection.py checkpoint).
reset memory_limit;
