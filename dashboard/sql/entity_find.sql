-- Entities whose canonical name contains a text ($pattern: an ILIKE pattern, '\' escapes; $text: the text),
-- closest names first: the name itself, then the shortest names containing it. Read from `entities` alone:
-- counting every match's articles (analytics.entity_summary) would read every mention of a common word.
select entity_id, canonical_name as entity, entity_type
from entities
where canonical_name ilike $pattern escape '\'
order by lower(canonical_name) = lower($text) desc, length(canonical_name), canonical_name
limit $limit;
