"""Pure transforms: bytes and rows in, polars frames out. No network, no disk, no clock."""
