-- Entities whose canonical name contains a text ($pattern: an ILIKE pattern, '\' escapes), most mentioned
-- first. Names are matched in `entities` (then summarised by the view for the few that match).
select entity_id, entity, entity_type, articles
from analytics.entity_summary
where entity_id in (select entity_id from entities where canonical_name ilike $pattern escape '\')
order by articles desc, entity
limit $limit;
