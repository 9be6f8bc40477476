-- Merge entity $source into entity $target: its article rows (added up where an article has both), its
-- aliases; then the source entity is gone.
merge into article_entities
using (select article_id, $target as entity_id, mention_count, first_offset, is_in_title, salience, surfaces
       from article_entities
       where entity_id = $source) as incoming
on article_entities.article_id = incoming.article_id and article_entities.entity_id = incoming.entity_id
when matched then update set
    mention_count = article_entities.mention_count + incoming.mention_count,
    first_offset = least(article_entities.first_offset, incoming.first_offset),
    is_in_title = article_entities.is_in_title or incoming.is_in_title,
    salience = greatest(article_entities.salience, incoming.salience),
    surfaces = list_distinct(list_concat(article_entities.surfaces, incoming.surfaces))
when not matched then insert by name;
delete from article_entities where entity_id = $source;
merge into entity_aliases
using (select $target as entity_id, alias, first_seen_at from entity_aliases where entity_id = $source)
    as incoming
on entity_aliases.entity_id = incoming.entity_id and entity_aliases.alias = incoming.alias
when not matched then insert by name;
delete from entity_aliases where entity_id = $source;
delete from entities where entity_id = $source;
