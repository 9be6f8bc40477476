-- Ingest runs.
select * from runs where $since is null or started_at >= $since
