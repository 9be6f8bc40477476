-- Lake maintenance (store/lake.py maintain, under the merge lock), in this order: rows the catalog holds
-- inlined are written out to Parquet, small adjacent files merged, snapshots older than the cutoff expired
-- (never the published one: the caller's cutoff is at most its time), then the files no snapshot needs any
-- more and the files no snapshot ever named (a writer killed mid-commit) deleted.
call ducklake_flush_inlined_data('lake');
call ducklake_merge_adjacent_files('lake');
call ducklake_expire_snapshots('lake', older_than => $older_than);
call ducklake_cleanup_old_files('lake', cleanup_all => true);
call ducklake_delete_orphaned_files('lake', cleanup_all => true);
