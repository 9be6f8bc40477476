-- Outlets: configured ones keep their configured name, domain and homepage; new ones are added.
merge into sources
using (select source_id, name, outlet_key, domain, homepage, $loaded_at as first_seen_at from stage_sources)
    as incoming
on sources.source_id = incoming.source_id
when matched and (sources.name is distinct from incoming.name
                  or (incoming.domain is not null and sources.domain is distinct from incoming.domain)
                  or (incoming.homepage is not null and sources.homepage is distinct from incoming.homepage))
    then update set
    name = incoming.name,
    domain = coalesce(incoming.domain, sources.domain),
    homepage = coalesce(incoming.homepage, sources.homepage)
when not matched then insert by name;
