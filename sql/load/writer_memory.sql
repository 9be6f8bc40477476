-- The writer's memory for the rest of its connection (NEWSETL_WRITER_MEMORY): DuckDB spills what it can to
-- the temp folder beside the database.
set memory_limit = $memory_limit;
