-- A lake has no primary key: every article_signatures key (article_id) stored once (the embedded file's key refuses a second).
select article_id, count(*) as n from article_signatures group by all having count(*) > 1;
