-- Articles missing from the full-text search index (fts_main_articles.docs names each indexed article).
select a.article_id
from articles a
anti join fts_main_articles.docs d on d.name = a.article_id
order by a.article_id;
