-- Empty the entity aggregates (before changes_of_everything.sql counts them again).
delete from entity_day_counts;
delete from entity_week_counts;
delete from entity_outlet_counts;
delete from entity_articles;
