-- Stored titles, summaries and bodies hold no mojibake: UTF-8 read as Latin-1 or windows-1252 ("Ã©",
-- "â€”", "Â ") or a C1 control. The load finds it in each text it writes (sql/load/articles_has_mojibake.sql,
-- which has the pattern) and keeps the answer in articles.has_mojibake: reading every stored text here, each
-- run, cost +119 MB and 0.38 s at 20,000 articles (issue 15).
select article_id, title
from articles
where has_mojibake;
