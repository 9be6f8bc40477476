-- The BM25 full-text index over article titles and bodies (schema fts_main_articles): English stemming and
-- stop words, accents stripped, case folded. The fts extension does not update it on insert: it is rebuilt
-- (overwrite = 1) after each load that added or changed articles.
pragma create_fts_index(
    'articles', 'article_id', 'title', 'body',
    stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1
);
