-- bench/bench_load.py's batch: stage tables made from the warehouse's own rows (--new articles copied
-- under new ids, --changed stored ones with a new text, and their versions, signatures, article entities,
-- entities, aliases and fetches). Temporary tables: the warehouse itself is not changed.
create temp table bench_new as
    select article_id as old_id, 'bench-new-' || article_id as article_id
    from articles order by hash(article_id, 1) limit $new;
create temp table bench_changed as
    select article_id from articles
    where article_id not in (select old_id from bench_new)
    order by hash(article_id, 2) limit $changed;
-- (without has_mojibake, as the transform's frame: the load finds it in the text)
create temp table stage_articles as
    select a.* exclude (has_mojibake) replace (n.article_id as article_id,
                                               'bench-' || a.content_hash as content_hash,
                                               a.canonical_url || '#bench' as canonical_url,
                                               a.url || '#bench' as url)
    from articles a join bench_new n on a.article_id = n.old_id
    union all by name
    select a.* exclude (has_mojibake) replace ('bench-' || a.content_hash as content_hash,
                                               'changed ' || a.title as title)
    from articles a semi join bench_changed c on a.article_id = c.article_id;
create temp table stage_article_versions as
    select article_id, content_hash, title, body, fetched_at as seen_at from stage_articles;
create temp table stage_article_signatures as
    select article_id, list_transform(range(64), i -> (hash(article_id, i) % 4294967296)::uinteger) as minhash
    from stage_articles;
create temp table stage_article_entities as
    select e.* replace (coalesce(n.article_id, e.article_id) as article_id)
    from article_entities e
    left join bench_new n on e.article_id = n.old_id
    where n.old_id is not null or e.article_id in (select article_id from bench_changed);
create temp table stage_entities as
    select e.entity_id, e.canonical_name, e.entity_type
    from entities e semi join stage_article_entities s on e.entity_id = s.entity_id
    union all
    select 'bench-entity-' || i, 'Bench Name ' || i, 'person' from range($new // 50) t(i);
create temp table stage_entity_aliases as
    select entity_id, canonical_name as alias from stage_entities;
create temp table stage_sources as
    select source_id, name, outlet_key, domain, homepage from sources;
create temp table stage_source_aliases as
    select alias, alias_key, alias_kind, source_id from source_aliases;
create temp table stage_fetches as
    select * replace ('bench-' || fetch_id as fetch_id) from fetches order by hash(fetch_id, 3) limit $new;
