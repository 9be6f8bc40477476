-- Article pages worth fetching again ($now: the run's start): articles whose text did not come from their
-- page (the page failed, was refused, gave no text, or links were not followed then), fetched fewer than
-- $limit times so far, the last time at least $base_hours x 2^(attempts - 1) hours ago. Every earlier
-- attempt counts, whatever its outcome: a page that answers 200 with no article text is not retried
-- forever. An item whose page is due is treated as not yet loaded, so its source fetches the page again
-- if it follows links (that source's feed is fetched in full, without a conditional GET, so its items
-- are read again); past the limit newsetl gives up on the page (its attempts stay in `fetches`).
with attempts as (
    select url, count(*) as tried, max(fetched_at) as last_tried_at
    from fetches
    where purpose = 'article'
    group by url
)
select a.feed_id, a.url
from articles a
join feeds d on d.feed_id = a.feed_id and d.follow_links   -- only sources that fetch pages now
left join attempts t on t.url = a.url
where a.content_source <> 'page'
  and a.url is not null
  and coalesce(t.tried, 0) < $limit
  and (t.last_tried_at is null
       or t.last_tried_at <= $now - to_seconds(cast($base_hours * 3600 * pow(2, t.tried - 1) as bigint)))
order by a.url;
