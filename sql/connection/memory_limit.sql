-- DuckDB's memory limit for what follows on the connection (store/connection.py limit_memory): the writer's
-- (NEWSETL_WRITER_MEMORY), a checkpoint's bound, or a limit set back after it. DuckDB spills what it can to
-- the temp folder beside the database.
set memory_limit = $memory_limit;
