-- The one clock (newsetl/clock.py): migrations are stamped by it, like every other time the pipeline writes.
comment on column schema_migrations.applied_at is 'UTC time the migration was applied, from the pipeline''s clock (newsetl/clock.py: NEWSETL_NOW or the machine''s).';
