-- Every table and column described in the database itself, so the schema documentation can be generated
-- from duckdb_tables() / duckdb_columns(). Timestamps are naive UTC; ids are 16-hex stable ids (the first 16
-- hex digits of a SHA-256 of what identifies the row, transforms.normalise.stable_id) unless said otherwise.

comment on table schema_migrations is 'One applied migration (sql/migrations/NNN_*.sql), recorded by flows/warehouse.py migrate; a recorded migration is never edited.';
comment on column schema_migrations.version is 'The migration''s number: the NNN prefix of its file name.';
comment on column schema_migrations.name is 'The migration file''s name without .sql (e.g. 001_core).';
comment on column schema_migrations.checksum is 'SHA-256 (64 hex) of the file''s text when applied; a file that no longer matches stops migrate.';
comment on column schema_migrations.applied_at is 'When the migration was applied: DuckDB current_timestamp in the session''s time zone (UTC on the pipeline''s machines).';

-- sources
comment on column sources.source_id is 'Stable id of the outlet: stable_id(''source'', outlet_key) of its configured or first-met name.';
comment on column sources.name is 'Display name: the configured name, or for an outlet met in the wild the first name it was met under (feed outlet, og:site_name, listing card, else its domain).';
comment on column sources.outlet_key is 'The name folded for matching: ASCII, lower case, no punctuation or spaces, leading article dropped ("The Independent" -> independent).';
comment on column sources.domain is 'Web host without "www.": the configured domain (or the homepage''s), else the commonest domain of the articles it was first met with.';
comment on column sources.homepage is 'Homepage URL from the sources file; null for outlets met in the wild.';
comment on column sources.first_seen_at is 'UTC time of the first fetch of the run that first loaded the outlet.';

-- source_aliases
comment on column source_aliases.alias is 'The name (as printed) or the domain (host without "www.") an outlet was met under or is configured with.';
comment on column source_aliases.alias_key is 'What the alias is matched on: the outlet_key of a name; the domain itself for a domain.';
comment on column source_aliases.alias_kind is 'name or domain.';
comment on column source_aliases.source_id is 'The outlet the alias resolves to (sources.source_id).';
comment on column source_aliases.first_seen_at is 'UTC time of the first fetch of the run that first loaded the alias.';

-- feeds
comment on column feeds.feed_id is 'Stable id of the endpoint: stable_id(''feed'', name) of its name in the sources file.';
comment on column feeds.name is 'The endpoint''s name in the sources file (unique).';
comment on column feeds.url is 'The URL polled (http(s), or file:// for local fixtures).';
comment on column feeds.kind is 'How the body is parsed: rss, atom, jsonfeed, sitemap or listing (an aggregator page of article cards).';
comment on column feeds.source_id is 'The outlet configured for the endpoint (sources.source_id); null for a listing without one, whose cards name their own outlets.';
comment on column feeds.schedule_group is 'The schedule group from the sources file (default when not set); `newsetl run --group` polls one group.';
comment on column feeds.follow_links is 'True when each item''s article page is fetched for its full text and metadata.';
comment on column feeds.etag is 'ETag header of the last ok fetch, sent as If-None-Match next time (kept when a fetch fails).';
comment on column feeds.last_modified is 'Last-Modified header of the last ok fetch, verbatim HTTP-date text, sent as If-Modified-Since (kept when a fetch fails).';
comment on column feeds.last_content_sha256 is 'SHA-256 (64 hex) of the body of the last ok fetch; the same body again counts as not_modified and is not parsed.';
comment on column feeds.last_status_code is 'HTTP status of the last fetch; null for file:// reads, network errors and refused fetches.';
comment on column feeds.last_outcome is 'Outcome of the last fetch: ok, not_modified, http_error, network_error, missing, too_large, refused or parse_error.';
comment on column feeds.last_error is 'Why the last fetch or parse failed; null when it did not.';
comment on column feeds.last_fetched_at is 'UTC time the last fetch started.';
comment on column feeds.last_success_at is 'UTC time of the last fetch that did not fail (ok or not_modified, and parsed); null if none yet.';
comment on column feeds.error_streak is 'Consecutive runs whose fetch or parse of this endpoint failed; 0 after a success.';
comment on column feeds.items_last_run is 'Items the feed or listing offered in the last run; null when it was not parsed (failed or not modified).';

-- articles
comment on column articles.article_id is 'Stable id of the article: stable_id(''article'', canonical_url).';
comment on column articles.canonical_url is 'The URL the article is known by: the page''s canonical link (else the item link), with tracking and AMP parameters, fragment, default port and AMP/mobile variants removed.';
comment on column articles.url is 'The item''s link as the feed, sitemap or listing gave it (before canonicalisation), for the stored text.';
comment on column articles.source_id is 'The outlet (sources.source_id), resolved from the outlet name, else the URL''s domain.';
comment on column articles.feed_id is 'The endpoint (feeds.feed_id) the stored text was met through.';
comment on column articles.guid is 'The feed item''s id (RSS guid, Atom id, JSON Feed id); null for listing cards and sitemaps.';
comment on column articles.title is 'Headline, cleaned (tags removed, entities decoded, NFC, spaces collapsed): the page''s, else the feed''s or card''s.';
comment on column articles.summary is 'Standfirst, cleaned: the feed item''s summary, else the page''s description (JSON-LD, og:description or meta description).';
comment on column articles.body is 'Main text, cleaned, paragraphs separated by a blank line, page furniture (app and newsletter prompts, "Related Articles") dropped; see content_source.';
comment on column articles.authors is 'Author names: the feed''s, else the page''s (JSON-LD author or author meta); empty when none.';
comment on column articles.language is 'ISO 639-1 code detected from the text with py3langid; for texts under 8 words, the declared language''s primary subtag (en-GB -> en).';
comment on column articles.section is 'Section as the page states it (JSON-LD articleSection or article:section); null when not given.';
comment on column articles.image_url is 'Lead image URL as the page states it (JSON-LD image or og:image).';
comment on column articles.published_at is 'Publication time, UTC: the best plausible date by source (see published_source), else the fetch time.';
comment on column articles.first_seen_at is 'UTC time of the earliest fetch that carried the article; kept when the article changes.';
comment on column articles.fetched_at is 'UTC time of the fetch the stored text came from.';
comment on column articles.word_count is 'Whitespace-separated words of body (0 when there is none).';
comment on column articles.content_hash is 'SHA-256 (64 hex) of title, a blank line and body (else summary): a new hash is a new version (article_versions).';

-- article_versions
comment on column article_versions.article_id is 'The article (articles.article_id).';
comment on column article_versions.content_hash is 'SHA-256 (64 hex) of this version''s title, a blank line and body (else summary), as articles.content_hash.';
comment on column article_versions.title is 'The headline of this version, cleaned.';
comment on column article_versions.body is 'The main text of this version, cleaned.';
comment on column article_versions.seen_at is 'UTC time of the fetch that first gave this version.';

-- article_signatures
comment on column article_signatures.article_id is 'The article (articles.article_id).';
comment on column article_signatures.minhash is '64 uint32 MinHash values of the case-folded word 5-shingles of the body (else summary, else title); 16 LSH bands of 4; all 4294967295 for an empty text.';

-- entities
comment on column entities.entity_id is 'Stable id: stable_id(''entity'', entity_type, case-folded canonical name) of the name it was created under.';
comment on column entities.canonical_name is 'The name the entity is shown under: the curated form where curation or the short-form list names one ("United States"), else the full name it was first met under ("Vladimir Putin").';
comment on column entities.entity_type is 'person, organisation, place, group (nationalities, religious and political groups), event or product; mapped from spaCy labels.';
comment on column entities.first_seen_at is 'UTC time of the first fetch of the run that first loaded the entity.';

-- entity_aliases
comment on column entity_aliases.entity_id is 'The entity (entities.entity_id).';
comment on column entity_aliases.alias is 'A surface form, cleaned: honorifics, possessive and trailing punctuation removed; leading "the" dropped for places and groups.';
comment on column entity_aliases.first_seen_at is 'UTC time of the first fetch of the run that first loaded the alias (for a merge, the moved alias keeps its time).';

-- article_entities
comment on column article_entities.article_id is 'The article (articles.article_id).';
comment on column article_entities.entity_id is 'The entity (entities.entity_id).';
comment on column article_entities.mention_count is 'NER mentions of the entity in the title and body (else summary).';
comment on column article_entities.first_offset is 'Character offset of the first mention in title + blank line + body (0 = first character of the title).';
comment on column article_entities.is_in_title is 'True when a mention starts inside the title.';

-- entity_decisions
comment on column entity_decisions.decision_id is 'Random UUID (text) of the decision.';
comment on column entity_decisions.kind is 'merge (newsetl entities merge) or never_merge (newsetl entities split).';
comment on column entity_decisions.entity_type is 'The type of the entities concerned (person, organisation, place, group, event, product).';
comment on column entity_decisions.names is 'merge: the canonical name first, then the names merged into it; never_merge: the entity''s name and the name split from it.';
comment on column entity_decisions.decided_at is 'UTC time of the decision.';
comment on column entity_decisions.note is 'Free-text note; not set by the CLI (null).';

-- runs
comment on column runs.run_id is 'The run''s id: the Prefect flow run id (a UUID), or a random UUID when run outside Prefect.';
comment on column runs.flow_run_id is 'Prefect flow run id; null when run outside Prefect.';
comment on column runs.sources_file is 'Path of the sources file the run read.';
comment on column runs.schedule_group is 'The schedule group run; null for all sources, reprocess for a reprocess.';
comment on column runs.started_at is 'UTC time the run started.';
comment on column runs.finished_at is 'UTC time the run was recorded as finished (for an interrupted run, when the next run found it); null while running.';
comment on column runs.sources_total is 'Endpoints (feeds and listing pages) the run fetched.';
comment on column runs.sources_failed is 'Endpoints whose fetch or parse failed (not_modified is not a failure).';
comment on column runs.items_parsed is 'Raw items from the feeds and listings that reached the transform (for sources that follow links, items already loaded under the same URL and title left out).';
comment on column runs.articles_new is 'Articles of the batch not yet in the warehouse.';
comment on column runs.articles_changed is 'Stored articles the batch gave a new text for, from a source at least as good as the stored one.';
comment on column runs.articles_unchanged is 'Articles of the batch whose text was already stored (or a worse copy of it, such as a listing card).';
comment on column runs.entities_new is 'Rows added to entities by the run''s load (0 when the load failed).';
comment on column runs.error is 'Why the run failed, was skipped or was interrupted; null for a completed run.';

-- fetches
comment on column fetches.fetch_id is 'Stable id: stable_id(run_id, feed_id, purpose, url).';
comment on column fetches.run_id is 'The run that fetched (runs.run_id).';
comment on column fetches.feed_id is 'The endpoint fetched, or for an article page the endpoint that linked it (feeds.feed_id).';
comment on column fetches.purpose is 'What was fetched: feed (rss, atom, jsonfeed or sitemap), listing (aggregator page) or article (an item''s page).';
comment on column fetches.url is 'The URL requested.';
comment on column fetches.final_url is 'The URL after redirects (the requested one when there were none).';
comment on column fetches.status_code is 'HTTP status; null for file:// reads, network errors and refused fetches.';
comment on column fetches.outcome is 'ok, not_modified (304, or the same body as the last ok fetch), http_error, network_error, missing (file), too_large, refused (private address, robots.txt) or parse_error.';
comment on column fetches.error is 'Why the fetch or parse failed; null when it did not.';
comment on column fetches.content_sha256 is 'SHA-256 (64 hex) of the body as received: the raw copy is warehouse/raw/<first 2 hex>/<sha256>.gz; null without a body.';
comment on column fetches.content_type is 'Content-Type response header, verbatim.';
comment on column fetches.bytes is 'Body size in bytes after transfer decoding (gzip, br); null without a body.';
comment on column fetches.elapsed_ms is 'Milliseconds from the start of the fetch to its result, including waiting for the per-host slot and HTTP retries.';
comment on column fetches.fetched_at is 'UTC time the fetch started.';
comment on column fetches.etag is 'ETag response header, verbatim.';
comment on column fetches.last_modified is 'Last-Modified response header, verbatim HTTP-date text.';
comment on column fetches.content_encoding is 'Content-Encoding response header (gzip, br, ...), verbatim.';

-- check_results
comment on column check_results.run_id is 'The run after whose load the checks ran (runs.run_id).';
comment on column check_results.check_name is 'The check: the name of a file in sql/checks/ without .sql.';
comment on column check_results.failing_rows is 'Rows breaking the check''s rule (0: it passes).';
comment on column check_results.checked_at is 'UTC time the checks ran.';
