-- Merge entity $source into entity $target: its article rows (added up where an article has both), its
-- aliases; then the source entity is gone.
insert into article_entities (article_id, entity_id, mention_count, first_offset, is_in_title, salience,
                              surfaces)
select article_id, $target, mention_count, first_offset, is_in_title, salience, surfaces
from article_entities
where entity_id = $source
on conflict (article_id, entity_id) do update set
    mention_count = article_entities.mention_count + excluded.mention_count,
    first_offset = least(article_entities.first_offset, excluded.first_offset),
    is_in_title = article_entities.is_in_title or excluded.is_in_title,
    salience = greatest(article_entities.salience, excluded.salience),
    surfaces = list_distinct(list_concat(article_entities.surfaces, excluded.surfaces));
delete from article_entities where entity_id = $source;
insert into entity_aliases (entity_id, alias, first_seen_at)
select $target, alias, first_seen_at from entity_aliases where entity_id = $source
on conflict do nothing;
delete from entity_aliases where entity_id = $source;
delete from entities where entity_id = $source;
