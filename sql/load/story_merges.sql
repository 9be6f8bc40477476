-- Stored stories that a new article bridged into an older one: their articles move to the older story.
update articles set story_id = m.merged_into
from stage_story_merges m
where articles.story_id = m.story_id;
