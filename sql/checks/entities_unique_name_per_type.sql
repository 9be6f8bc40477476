-- One entity per name and type: a second one would split its counts.
select entity_type, lower(canonical_name) as name, count(*) as n
from entities group by all having count(*) > 1;
