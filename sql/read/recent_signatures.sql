-- MinHash signatures of the articles published since $since: the ones a new article may copy.
select s.article_id, s.minhash
from article_signatures s
join articles a using (article_id)
where a.published_at >= $since;
