-- The outlets a name given by a reader stands for: its display name or any alias (a name seen in the data,
-- a configured alias such as "Indy", a domain), matched on outlet_key ($key: case, accents, punctuation
-- and a leading "The" ignored; $domain: the name as given, lower case, for a domain alias).
select distinct s.source_id, s.name
from sources s
left join source_aliases sa using (source_id)
where sa.alias_key in ($key, $domain) or s.outlet_key = $key
order by s.name;
