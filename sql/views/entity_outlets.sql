-- Which outlets mention an entity, and how much: one row per entity and outlet, from entity_outlet_counts
-- (kept by the load). Filter on entity_id for one entity's outlets.
create or replace view analytics.entity_outlets as
select
    c.entity_id,
    e.canonical_name                    as entity,
    e.entity_type,
    c.source_id,
    s.name                              as outlet,
    c.articles,
    c.mentions,
    c.title_mentions,
    c.first_published_at,
    c.last_published_at
from entity_outlet_counts c
join entities e using (entity_id)
join sources s using (source_id);
comment on view analytics.entity_outlets is 'One row per entity and outlet that mentions it: how many of the outlet''s articles mention the entity, and when the first and last were published.';
comment on column analytics.entity_outlets.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.entity_outlets.entity is 'Its canonical name.';
comment on column analytics.entity_outlets.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_outlets.source_id is 'The outlet (sources.source_id).';
comment on column analytics.entity_outlets.outlet is 'The outlet''s display name.';
comment on column analytics.entity_outlets.articles is 'The outlet''s articles that mention the entity.';
comment on column analytics.entity_outlets.mentions is 'Sum of the entity''s mention_count over those articles.';
comment on column analytics.entity_outlets.title_mentions is 'Of those articles, the ones whose title mentions the entity.';
comment on column analytics.entity_outlets.first_published_at is 'Publication time (UTC) of the earliest of those articles.';
comment on column analytics.entity_outlets.last_published_at is 'Publication time (UTC) of the latest of those articles.';
