insert into article_versions (article_id, content_hash, title, body, seen_at)
select article_id, content_hash, title, body, seen_at
from stage_article_versions
on conflict do nothing;
