-- Every article-entity row points at an existing article and entity.
select ae.article_id, ae.entity_id
from article_entities ae
left join articles a using (article_id)
left join entities e using (entity_id)
where a.article_id is null or e.entity_id is null;
