-- Every version belongs to an existing article, and each article's current text is one of its versions.
select v.article_id, 'orphan version' as problem from article_versions v anti join articles a using (article_id)
union all
select a.article_id, 'current text has no version'
from articles a anti join article_versions v on v.article_id = a.article_id and v.content_hash = a.content_hash;
