-- Every story, newest first, for the story page's chooser: id, first headline, when, articles and copies.
select story_id, title, first_published_at, articles, outlets, copies
from analytics.stories
order by first_published_at desc, story_id;
