-- The BM25 full-text index over article titles and bodies (schema fts_main_articles): English stemming and
-- stop words, accents stripped, case folded. Made by a run's prepare_warehouse when there is none (over the
-- articles there are, none on a new warehouse), rebuilt (overwrite = 1) after a reprocess; the fts extension
-- does not update it on insert, so each load indexes its own articles (update_index.sql).
pragma create_fts_index(
    'articles', 'article_id', 'title', 'body',
    stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1
);
