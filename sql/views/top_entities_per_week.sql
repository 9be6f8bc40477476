-- The 20 most mentioned entities of each type per week, with the change against the previous week.
create or replace view analytics.top_entities_per_week as
select *
from (
    select *, row_number() over (partition by week, entity_type order by articles desc, mentions desc, entity)
        as rank
    from analytics.entity_mentions_per_week
)
where rank <= 20;
comment on view analytics.top_entities_per_week is 'The 20 most covered entities of each type per ISO week (from analytics.entity_mentions_per_week), ranked by articles, then mentions, then name, with the change against the week before.';
comment on column analytics.top_entities_per_week.week is 'Monday (UTC date) of the week the articles were published in.';
comment on column analytics.top_entities_per_week.entity_id is 'The entity (entities.entity_id).';
comment on column analytics.top_entities_per_week.entity is 'Its canonical name.';
comment on column analytics.top_entities_per_week.entity_type is 'Its type: person, organisation, place, group, event or product.';
comment on column analytics.top_entities_per_week.articles is 'Articles published that week that mention the entity.';
comment on column analytics.top_entities_per_week.outlets is 'Distinct outlets among those articles.';
comment on column analytics.top_entities_per_week.mentions is 'Sum of the entity''s mention_count over those articles.';
comment on column analytics.top_entities_per_week.previous_week_articles is 'Articles mentioning the entity in the week before (0 when none).';
comment on column analytics.top_entities_per_week.change is 'articles - previous_week_articles.';
comment on column analytics.top_entities_per_week.rank is '1..20 within the week and entity type (1 = most articles).';
