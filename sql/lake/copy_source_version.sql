-- The newest migration the copy's source follows.
select max(version) from source.main.schema_migrations;
