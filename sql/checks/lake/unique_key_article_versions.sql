-- A lake has no primary key: every article_versions key (article_id, content_hash) stored once (the embedded file's key refuses a second).
select article_id, content_hash, count(*) as n from article_versions group by all having count(*) > 1;
