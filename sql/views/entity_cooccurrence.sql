-- Pairs of entities mentioned in the same articles (each pair once, a < b by id), strongest first.
create or replace view analytics.entity_cooccurrence as
select
    x.entity_id                     as entity_id_a,
    ea.canonical_name               as entity_a,
    ea.entity_type                  as entity_type_a,
    y.entity_id                     as entity_id_b,
    eb.canonical_name               as entity_b,
    eb.entity_type                  as entity_type_b,
    count(*)                        as articles,
    min(a.published_at)             as first_at,
    max(a.published_at)             as last_at
from article_entities x
join article_entities y on y.article_id = x.article_id and x.entity_id < y.entity_id
join articles a on a.article_id = x.article_id
join entities ea on ea.entity_id = x.entity_id
join entities eb on eb.entity_id = y.entity_id
group by all
order by articles desc;
