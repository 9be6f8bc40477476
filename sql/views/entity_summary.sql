-- One row per entity: its names, when it was first and last mentioned, in how many articles and outlets.
-- Counted from entity_outlet_counts (one row per entity and outlet, kept by the load: sql/aggregates/), so
-- an entity's outlets are its rows there; aliases are aggregated per entity_id on their own, then joined.
create or replace view analytics.entity_summary as
with mentioned as (
    select
        entity_id,
        min(first_published_at)                 as first_seen_at,
        max(last_published_at)                  as last_seen_at,
        cast(sum(articles) as bigint)           as articles,
        count(*)                                as outlets,
        cast(sum(mentions) as bigint)           as mentions,
        round(cast(sum(salience_sum) as double) / nullif(sum(salience_articles), 0), 3) as mean_salience
    from entity_outlet_counts
    group by entity_id
),
named as (
    select entity_id, list(alias order by alias) as aliases from entity_aliases group by entity_id
)
select
    e.entity_id,
    e.canonical_name                        as entity,
    e.entity_type,
    n.aliases,
    m.first_seen_at,
    m.last_seen_at,
    coalesce(m.articles, 0)                 as articles,
    coalesce(m.outlets, 0)                  as outlets,
    m.mentions,
    m.mean_salience
from entities e
left join mentioned m using (entity_id)
left join named n using (entity_id);
comment on view analytics.entity_summary is 'One row per entity, including entities no article mentions any more: its aliases, the span of its coverage, and how many articles, outlets and mentions it has.';
comment on column analytics.entity_summary.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.entity_summary.entity is 'Its canonical name.';
comment on column analytics.entity_summary.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.entity_summary.aliases is 'Its surface forms (entity_aliases.alias), sorted; null when it has none.';
comment on column analytics.entity_summary.first_seen_at is 'Publication time (UTC) of the earliest article mentioning the entity (not entities.first_seen_at, the load time); null without articles.';
comment on column analytics.entity_summary.last_seen_at is 'Publication time (UTC) of the latest article mentioning the entity; null without articles.';
comment on column analytics.entity_summary.articles is 'Articles mentioning the entity.';
comment on column analytics.entity_summary.outlets is 'Distinct outlets among those articles.';
comment on column analytics.entity_summary.mentions is 'Sum of the entity''s mention_count over those articles; null without articles.';
comment on column analytics.entity_summary.mean_salience is 'Mean article_entities.salience (0..1) over those articles, rounded to 3 decimals.';
