-- Entities of the articles published since $since: the ones a new article's story may be found among.
select ae.article_id, ae.entity_id
from article_entities ae
join articles a using (article_id)
where a.published_at >= $since;
