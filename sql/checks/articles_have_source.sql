-- Every article's source exists.
select a.article_id, a.source_id from articles a anti join sources s using (source_id);
