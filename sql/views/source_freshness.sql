-- Freshness of every polled feed: when it last brought an article we had not seen, and how many hours ago
-- that was, relative to the warehouse's "now" (analytics.as_of, not the wall clock). A feed that answers but
-- brings nothing new for a day is the silent failure
-- feed_health does not show; `newsetl run` lists those over NEWSETL_STALE_HOURS.
create or replace view analytics.source_freshness as
select
    f.name                                                          as feed,
    s.name                                                          as outlet,
    f.schedule_group,
    f.last_outcome,
    f.last_success_at,
    max(a.first_seen_at)                                            as last_new_article_at,
    max(a.published_at)                                             as last_published_at,
    count(a.article_id) filter (where a.first_seen_at >= (select as_of from analytics.as_of) - interval 24 hour)
                                                                    as new_articles_24h,
    round(date_diff('second', max(a.first_seen_at), (select as_of from analytics.as_of)) / 3600.0, 1)
                                                                    as hours_since_new_article
from feeds f  -- times are naive UTC; "now" is analytics.as_of, so any day gives the same answer
left join sources s using (source_id)
left join articles a on a.feed_id = f.feed_id
group by all;
comment on view analytics.source_freshness is 'One row per polled feed: when it last brought a new article and how many hours before the warehouse''s "now" (analytics.as_of).';
comment on column analytics.source_freshness.feed is 'The feed''s name in the sources file.';
comment on column analytics.source_freshness.outlet is 'The outlet the feed belongs to (null for aggregator listings, whose cards name their own outlets).';
comment on column analytics.source_freshness.schedule_group is 'The feed''s schedule group.';
comment on column analytics.source_freshness.last_outcome is 'Outcome of the feed''s last fetch (ok, not_modified, http_error, ...).';
comment on column analytics.source_freshness.last_success_at is 'UTC time of the feed''s last successful fetch.';
comment on column analytics.source_freshness.last_new_article_at is 'UTC time an article first seen through this feed was first seen, latest (null: none yet).';
comment on column analytics.source_freshness.last_published_at is 'Publication time (UTC) of the newest article from this feed.';
comment on column analytics.source_freshness.new_articles_24h is 'Articles first seen through this feed in the 24 hours up to analytics.as_of.';
comment on column analytics.source_freshness.hours_since_new_article is 'Hours from the feed''s last new article to analytics.as_of (null: never).';
