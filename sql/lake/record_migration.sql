insert into schema_migrations (version, name, checksum, applied_at) values ($version, $name, $checksum, $applied_at);
