-- Copies and their originals: each article whose text is a copy (exact, or near by MinHash) of one another
-- URL carried first, with both outlets, how alike they are and how long the copy came after. What a media
-- researcher counts: who syndicates whom, how fast, how faithfully.
create or replace view analytics.syndication as
select
    c.article_id                                  as copy_id,
    c.title                                       as copy_title,
    cs.name                                       as copy_outlet,
    c.published_at                                as copy_published_at,
    o.article_id                                  as original_id,
    o.title                                       as original_title,
    os.name                                       as original_outlet,
    o.published_at                                as original_published_at,
    c.duplicate_kind                              as kind,
    round(coalesce(c.duplicate_similarity, 1.0), 3) as similarity,
    c.published_at - o.published_at               as delay,
    c.source_id = o.source_id                     as same_outlet,
    c.story_id
from articles c
join articles o on o.article_id = c.duplicate_of
join sources cs on cs.source_id = c.source_id
join sources os on os.source_id = o.source_id
order by c.published_at desc, c.article_id;
comment on view analytics.syndication is 'One row per copy: the copied article, the original it copies, both outlets, how alike the texts are and how long after the original the copy was published.';
comment on column analytics.syndication.copy_id is 'The copy (articles.article_id; its duplicate_of is original_id).';
comment on column analytics.syndication.copy_title is 'The copy''s headline (outlets often retitle a wire story).';
comment on column analytics.syndication.copy_outlet is 'The outlet that ran the copy (display name).';
comment on column analytics.syndication.copy_published_at is 'When the copy was published, UTC.';
comment on column analytics.syndication.original_id is 'The article first carrying the text (articles.article_id).';
comment on column analytics.syndication.original_title is 'The original''s headline.';
comment on column analytics.syndication.original_outlet is 'The outlet that ran the original (display name).';
comment on column analytics.syndication.original_published_at is 'When the original was published, UTC.';
comment on column analytics.syndication.kind is 'exact (the same text) or near (MinHash similarity at or above the threshold).';
comment on column analytics.syndication.similarity is 'Estimated Jaccard similarity of the two texts'' word 5-shingles (1.0 for an exact copy).';
comment on column analytics.syndication.delay is 'copy_published_at - original_published_at: how long after the original the copy appeared (negative when the copy states an earlier time than the original).';
comment on column analytics.syndication.same_outlet is 'True when an outlet copied its own text under another URL (a republished or moved article).';
comment on column analytics.syndication.story_id is 'The story both belong to (analytics.stories).';
