-- One entity's mentions per day.
select day, articles, outlets, mentions, title_mentions
from analytics.entity_mentions_per_day
where entity_id = $entity_id
order by day;
