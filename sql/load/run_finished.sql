update runs set
    finished_at = $finished_at,
    status = $status,
    sources_total = $sources_total,
    sources_failed = $sources_failed,
    items_parsed = $items_parsed,
    articles_new = $articles_new,
    articles_changed = $articles_changed,
    articles_unchanged = $articles_unchanged,
    entities_new = $entities_new,
    lock_wait_seconds = $lock_wait_seconds,
    search_index_seconds = $search_index_seconds,
    error = $error
where run_id = $run_id;
