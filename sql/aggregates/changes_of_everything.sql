-- Every article-entity row as it stands, for counting the aggregates from nothing (the caller has emptied
-- them with clear.sql, so there is nothing to take away: with $sign -1 this adds no row).
insert into aggregate_changes
select $sign, ae.article_id, ae.entity_id, a.source_id, a.published_at, ae.mention_count, ae.is_in_title,
       ae.salience
from article_entities ae
join articles a using (article_id)
where $sign = 1;
