-- Stories that ran on or after $since (by their last article), with their outlets.
select story_id, title, articles, outlets, copies, first_published_at, last_published_at, outlet_names
from analytics.stories
where ($since is null or last_published_at >= cast($since as timestamp));
