-- The rows of some entities ($entity_ids) as they stand now: with $sign -1 before a merge or split, +1 after.
insert into aggregate_changes
select $sign, ae.article_id, ae.entity_id, a.source_id, a.published_at, ae.mention_count, ae.is_in_title,
       ae.salience
from article_entities ae
join articles a using (article_id)
where ae.entity_id in (select unnest(cast($entity_ids as varchar[])));
