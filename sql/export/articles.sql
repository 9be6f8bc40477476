-- partition: published_date
-- Every article, partitioned by its UTC publication day (published_date=YYYY-MM-DD/).
select *, cast(published_at as date) as published_date
from articles
where $since is null or published_at >= $since
