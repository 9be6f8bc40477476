-- The core schema. Timestamps are UTC (naive TIMESTAMP, named *_at). Keys are deterministic 16-hex ids
-- derived from what identifies the row (the canonical URL for an article, the outlet key for a source),
-- so a re-run or a reprocess gives the same keys. Referential integrity is checked by sql/checks/ after
-- every load rather than by FOREIGN KEY clauses, which in DuckDB forbid updating a referenced row.

create table sources (
    source_id      varchar primary key,
    name           varchar not null,
    outlet_key     varchar not null,
    domain         varchar,
    homepage       varchar,
    first_seen_at  timestamp not null
);
comment on table sources is 'One news outlet. "Independent" and "The Independent" are one row.';

create table source_aliases (
    alias          varchar not null,
    alias_key      varchar not null,
    alias_kind     varchar not null check (alias_kind in ('name', 'domain')),
    source_id      varchar not null,
    first_seen_at  timestamp not null,
    primary key (alias_kind, alias)
);
comment on table source_aliases is 'One name or domain an outlet was met under, and the source it resolves to.';

create table feeds (
    feed_id           varchar primary key,
    name              varchar not null unique,
    url               varchar not null,
    kind              varchar not null,
    source_id         varchar,
    schedule_group    varchar not null,
    follow_links      boolean not null,
    etag              varchar,
    last_modified     varchar,
    last_content_sha256 varchar,
    last_status_code  integer,
    last_outcome      varchar,
    last_error        varchar,
    last_fetched_at   timestamp,
    last_success_at   timestamp,
    error_streak      integer not null default 0,
    items_last_run    integer
);
comment on table feeds is 'One endpoint we poll (feed or listing page) and its health.';

create table articles (
    article_id         varchar primary key,
    canonical_url      varchar not null unique,
    url                varchar,
    source_id          varchar not null,
    feed_id            varchar,
    guid               varchar,
    title              varchar,
    summary            varchar,
    body               varchar,
    authors            varchar[],
    language           varchar,
    section            varchar,
    image_url          varchar,
    published_at       timestamp not null,
    published_source   varchar not null,
    first_seen_at      timestamp not null,
    fetched_at         timestamp not null,
    word_count         integer not null,
    content_hash       varchar not null,
    content_source     varchar not null,
    duplicate_of       varchar,
    story_id           varchar
);
comment on table articles is 'One article per canonical URL, with its current text.';
comment on column articles.published_source is 'Where published_at came from: jsonld, meta, feed, time_tag, relative (resolved against fetched_at), fetched (no date found).';
comment on column articles.content_source is 'Where the text came from: page (article HTML), feed, listing (aggregator card).';
comment on column articles.duplicate_of is 'The article that first carried the same text (syndication), if this one is a copy.';

create table article_versions (
    article_id    varchar not null,
    content_hash  varchar not null,
    title         varchar,
    body          varchar,
    seen_at       timestamp not null,
    primary key (article_id, content_hash)
);
comment on table article_versions is 'One distinct text of an article: edits over time.';

create table entities (
    entity_id       varchar primary key,
    canonical_name  varchar not null,
    entity_type     varchar not null,
    first_seen_at   timestamp not null
);
comment on table entities is 'One real-world entity: person, organisation, place, group, event, product.';

create table entity_aliases (
    entity_id      varchar not null,
    alias          varchar not null,
    first_seen_at  timestamp not null,
    primary key (entity_id, alias)
);
comment on table entity_aliases is 'One surface form of an entity ("Putin", "Vladimir Putin").';

create table article_entities (
    article_id     varchar not null,
    entity_id      varchar not null,
    mention_count  integer not null,
    first_offset   integer not null,
    is_in_title    boolean not null,
    primary key (article_id, entity_id)
);
comment on table article_entities is 'One entity in one article. Offsets count characters of title + blank line + body.';

create table runs (
    run_id            varchar primary key,
    flow_run_id       varchar,
    sources_file      varchar,
    schedule_group    varchar,
    started_at        timestamp not null,
    finished_at       timestamp,
    status            varchar not null,
    sources_total     integer,
    sources_failed    integer,
    items_parsed      integer,
    articles_new      integer,
    articles_changed  integer,
    articles_unchanged integer,
    entities_new      integer,
    error             varchar
);
comment on table runs is 'One ingest flow run.';

create table fetches (
    fetch_id        varchar primary key,
    run_id          varchar not null,
    feed_id         varchar not null,
    purpose         varchar not null check (purpose in ('feed', 'listing', 'article')),
    url             varchar not null,
    final_url       varchar,
    status_code     integer,
    outcome         varchar not null,
    error           varchar,
    content_sha256  varchar,
    content_type    varchar,
    bytes           bigint,
    elapsed_ms      double,
    fetched_at      timestamp not null
);
comment on table fetches is 'One fetch of a feed, listing or article page: outcome, reason, and the raw body''s sha256 in warehouse/raw/.';

create table check_results (
    run_id        varchar not null,
    check_name    varchar not null,
    failing_rows  bigint not null,
    checked_at    timestamp not null,
    primary key (run_id, check_name)
);
comment on table check_results is 'Data-quality checks (sql/checks/) after each load: rows breaking each rule.';
