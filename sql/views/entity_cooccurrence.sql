-- Pairs of entities mentioned in the same articles (each pair once, a < b by id), strongest first.
-- Pairs are counted by id, then named: grouping 16-character ids costs far less than grouping them with the
-- names and types too (the names follow from the ids).
create or replace view analytics.entity_cooccurrence as
with pairs as (
    select
        x.entity_id                 as entity_id_a,
        y.entity_id                 as entity_id_b,
        count(*)                    as articles,
        min(a.published_at)         as first_at,
        max(a.published_at)         as last_at
    from article_entities x
    join article_entities y on y.article_id = x.article_id and x.entity_id < y.entity_id
    join articles a on a.article_id = x.article_id
    group by x.entity_id, y.entity_id
)
select
    p.entity_id_a,
    ea.canonical_name               as entity_a,
    ea.entity_type                  as entity_type_a,
    p.entity_id_b,
    eb.canonical_name               as entity_b,
    eb.entity_type                  as entity_type_b,
    p.articles,
    p.first_at,
    p.last_at
from pairs p
join entities ea on ea.entity_id = p.entity_id_a
join entities eb on eb.entity_id = p.entity_id_b
order by articles desc;
comment on view analytics.entity_cooccurrence is 'One row per pair of entities mentioned in the same article (each pair once, entity_id_a < entity_id_b), most shared articles first: which entities appear together, and when.';
comment on column analytics.entity_cooccurrence.entity_id_a is 'The first entity of the pair (entities.entity_id; the smaller id).';
comment on column analytics.entity_cooccurrence.entity_a is 'Its canonical name.';
comment on column analytics.entity_cooccurrence.entity_type_a is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_cooccurrence.entity_id_b is 'The second entity of the pair (entities.entity_id; the larger id).';
comment on column analytics.entity_cooccurrence.entity_b is 'Its canonical name.';
comment on column analytics.entity_cooccurrence.entity_type_b is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_cooccurrence.articles is 'Articles that mention both entities.';
comment on column analytics.entity_cooccurrence.first_at is 'Publication time (UTC) of the earliest of those articles.';
comment on column analytics.entity_cooccurrence.last_at is 'Publication time (UTC) of the latest of those articles.';
