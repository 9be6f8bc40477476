-- A lake has no primary key: every article_entities key (article_id, entity_id) stored once (the embedded file's key refuses a second).
select article_id, entity_id, count(*) as n from article_entities group by all having count(*) > 1;
