-- Trustworthy articles: why a stated date was rejected, near-duplicate links with their similarity,
-- MinHash signatures for incremental near-duplicate search, and story membership.
alter table articles add column published_note varchar;
alter table articles add column duplicate_kind varchar;
alter table articles add column duplicate_similarity double;
comment on column articles.published_note is 'Why better date candidates were rejected (in the future, before 1990), if any.';
comment on column articles.duplicate_kind is 'How duplicate_of was found: exact (same text) or near (MinHash similarity >= threshold).';
comment on column articles.duplicate_similarity is 'Estimated Jaccard similarity of word 5-shingles with duplicate_of.';
comment on column articles.story_id is 'The story (event) the article belongs to: the article_id of the story''s first article.';

create table article_signatures (
    article_id  varchar primary key,
    minhash     uinteger[] not null
);
comment on table article_signatures is 'MinHash signature of each article''s text (word 5-shingles), for near-duplicate search.';
