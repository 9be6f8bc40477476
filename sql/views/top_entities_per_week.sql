-- The 20 most mentioned entities of each type per week, with the change against the previous week.
create or replace view analytics.top_entities_per_week as
select *
from (
    select *, row_number() over (partition by week, entity_type order by articles desc, mentions desc, entity)
        as rank
    from analytics.entity_mentions_per_week
)
where rank <= 20;
