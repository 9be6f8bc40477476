"""Prefect flows and tasks, and all I/O: HTTP and file fetching, the raw store, DuckDB, the NER model."""
