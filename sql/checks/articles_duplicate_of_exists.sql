-- A syndicated copy points at an article that exists and is not itself a copy.
select a.article_id, a.duplicate_of
from articles a
left join articles d on d.article_id = a.duplicate_of
where a.duplicate_of is not null and (d.article_id is null or d.duplicate_of is not null);
