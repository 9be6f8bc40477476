-- Each distinct content an article has had (edits over time).
select v.*
from article_versions v
join articles a using (article_id)
where $since is null or a.published_at >= $since
