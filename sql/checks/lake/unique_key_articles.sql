-- A lake has no primary key: every articles key (article_id) stored once (the embedded file's key refuses a second).
select article_id, count(*) as n from articles group by all having count(*) > 1;
