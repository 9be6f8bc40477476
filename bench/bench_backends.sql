-- bench/bench_backends.py's view parameters, as bench/bench_views.py sets them: the newest article's time,
-- and the entity with the most article rows (the worst case of the one-entity queries).
select max(published_at) from articles;
select entity_id from article_entities group by entity_id order by count(*) desc, entity_id limit 1;
