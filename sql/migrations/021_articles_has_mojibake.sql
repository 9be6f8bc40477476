-- Whether an article's stored text holds mojibake, set by the load from the text it writes
-- (sql/load/articles_has_mojibake.sql, which also fills this column for the rows already stored: the
-- migration's backfill). The check articles_without_mojibake reads this column instead of every stored
-- text: read in full by each run, the texts cost a run +119 MB and 0.38 s at 20,000 articles, growing
-- with the warehouse (issue 15).
alter table articles add column has_mojibake boolean;
comment on column articles.has_mojibake is 'Whether the stored title, summary or body holds mojibake (UTF-8 read as Latin-1 or windows-1252, or a C1 control), as the load found it in the text it wrote; counted by the check articles_without_mojibake (true should not happen: the transform repairs what it can).';
