-- Outlets: configured ones keep their configured name, domain and homepage; new ones are added.
insert into sources (source_id, name, outlet_key, domain, homepage, first_seen_at)
select source_id, name, outlet_key, domain, homepage, $loaded_at
from stage_sources
on conflict (source_id) do update set
    name = excluded.name,
    domain = coalesce(excluded.domain, sources.domain),
    homepage = coalesce(excluded.homepage, sources.homepage)
where sources.name is distinct from excluded.name
   or (excluded.domain is not null and sources.domain is distinct from excluded.domain)
   or (excluded.homepage is not null and sources.homepage is distinct from excluded.homepage);
