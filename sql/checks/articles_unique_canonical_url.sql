-- Every canonical URL belongs to one article.
select canonical_url, count(*) as n from articles group by canonical_url having count(*) > 1;
