-- Every change of an article's headline: the title before and after, and when the new one was seen.
create or replace view analytics.headline_changes as
select *
from (
    select
        v.article_id,
        a.canonical_url,
        s.name                                                          as outlet,
        lag(v.title) over (partition by v.article_id order by v.seen_at) as previous_title,
        v.title,
        v.seen_at                                                       as changed_at
    from article_versions v
    join articles a using (article_id)
    join sources s using (source_id)
)
where previous_title is not null and previous_title is distinct from title;
comment on view analytics.headline_changes is 'One row per edit of an article''s headline: a stored version whose title differs from the version before it, with both titles and when the new one was first seen.';
comment on column analytics.headline_changes.article_id is 'The article (articles.article_id).';
comment on column analytics.headline_changes.canonical_url is 'The article''s canonical URL.';
comment on column analytics.headline_changes.outlet is 'The outlet''s display name.';
comment on column analytics.headline_changes.previous_title is 'The headline of the version before.';
comment on column analytics.headline_changes.title is 'The new headline.';
comment on column analytics.headline_changes.changed_at is 'UTC time the version with the new headline was first fetched (article_versions.seen_at).';
