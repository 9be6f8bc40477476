-- The 20 most mentioned entities of each type per UTC day, ranked by the articles that mention them.
create or replace view analytics.top_entities_per_day as
select *
from (
    select
        *,
        row_number() over (partition by day, entity_type order by articles desc, mentions desc, entity)
            as rank
    from analytics.entity_mentions_per_day
)
where rank <= 20;
comment on view analytics.top_entities_per_day is 'The 20 most covered entities of each type per UTC day (from analytics.entity_mentions_per_day), ranked by articles, then mentions, then name.';
comment on column analytics.top_entities_per_day.day is 'UTC date of the articles'' published_at.';
comment on column analytics.top_entities_per_day.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.top_entities_per_day.entity is 'Its canonical name.';
comment on column analytics.top_entities_per_day.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.top_entities_per_day.articles is 'Articles published that day that mention the entity.';
comment on column analytics.top_entities_per_day.outlets is 'Distinct outlets among those articles.';
comment on column analytics.top_entities_per_day.mentions is 'Sum of the entity''s mention_count over those articles.';
comment on column analytics.top_entities_per_day.title_mentions is 'Of those articles, the ones whose title mentions the entity.';
comment on column analytics.top_entities_per_day.rank is '1..20 within the day and entity type (1 = most articles).';
