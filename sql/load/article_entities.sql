-- The entities of every loaded (new or changed) article are replaced as a whole.
delete from article_entities where article_id in (select article_id from stage_articles);
insert into article_entities (article_id, entity_id, mention_count, first_offset, is_in_title, salience,
                              surfaces)
select article_id, entity_id, mention_count, first_offset, is_in_title, salience, surfaces
from stage_article_entities;
