-- The BM25 index of a lake lives in the search file (a lake holds no fts index): the articles' text is
-- copied there, indexed with the same settings as sql/search/build_index.sql, and the copy emptied again
-- (the index keeps what it needs; the empty table is what the fts extension's index belongs to).
create or replace table search.main.articles as select article_id, title, body from lake.main.articles;
use search;
pragma create_fts_index(
    'articles', 'article_id', 'title', 'body',
    stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1
);
use lake;
delete from search.main.articles;
