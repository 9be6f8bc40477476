-- Salience is between 0 and 1, mention counts positive, offsets not negative.
select article_id, entity_id, salience, mention_count, first_offset
from article_entities
where salience not between 0 and 1 or mention_count < 1 or first_offset < 0;
