"""newsetl: a scheduled ETL pipeline that turns news feeds, article pages and aggregator listings into a
DuckDB warehouse. The front door is `newsetl.cli`; flows/ does the I/O, transforms/ the pure work."""

import os

__version__ = "0.1.0"

# DuckDB allocates through a jemalloc of its own, which keeps the pages a query frees until it has run for
# another second and has no thread to give them back while DuckDB is idle: a run's process held each chunk's
# load beside the next one's. Given back at once, a run of 20,000 pages peaked at 920 MB instead of 1,013
# (one run each; bench/README.md, issue 15). jemalloc reads this when DuckDB is first loaded, so it is set
# here, before anything of newsetl imports DuckDB (a process that imported DuckDB first keeps DuckDB's
# defaults); a value the user set is kept.
os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
