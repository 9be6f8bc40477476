-- The warehouse layer moved from flows/warehouse.py to the store/ package: the table's own description says
-- where migrations are applied now (migration 008 named the old file; a migration is never edited).
comment on table schema_migrations is 'One applied migration (sql/migrations/NNN_*.sql), recorded by store/migrations.py migrate; a recorded migration is never edited.';
