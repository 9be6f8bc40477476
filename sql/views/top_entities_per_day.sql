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
