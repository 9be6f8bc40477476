-- The writer's memory for the rest of its connection (NEWSETL_WRITER_MEMORY): a run's merge holds every
-- chunk's rows until its one commit; what does not fit is spilled to the temp folder beside the database.
set memory_limit = $memory_limit;
