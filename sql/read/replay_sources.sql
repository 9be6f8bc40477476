-- Every feed and listing page the fetch log knows, as `reprocess` needs it to replay a source that the
-- sources file no longer lists: name, URL, kind, outlet and whether its links were followed.
select f.feed_id, f.name, f.url, f.kind, s.name as outlet, coalesce(f.schedule_group, 'default') as grp,
       coalesce(f.follow_links, false) as follow_links
from feeds f
left join sources s using (source_id)
order by f.feed_id;
