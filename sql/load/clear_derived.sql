-- reprocess: everything derived from raw data is rebuilt in the same transaction as the reload, so readers
-- never see the tables empty (the entity aggregates are counted again by the load). Kept: feeds, fetches,
-- runs, check_results (the record of what happened) and entity_decisions (what people decided).
delete from article_entities;
delete from entity_aliases;
delete from entities;
delete from article_signatures;
delete from article_versions;
delete from articles;
delete from source_aliases;
delete from sources;
delete from entity_day_counts;
delete from entity_week_counts;
delete from entity_outlet_counts;
delete from entity_articles;
