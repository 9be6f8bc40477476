"""newsetl: a scheduled ETL pipeline that turns news feeds, article pages and aggregator listings into a
DuckDB warehouse. The front door is `newsetl.cli`; flows/ does the I/O, transforms/ the pure work."""

__version__ = "0.1.0"
