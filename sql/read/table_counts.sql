-- Rows per core table, for the run summary (new = after - before).
select 'sources' as table_name, count(*) as n from sources
union all select 'source_aliases', count(*) from source_aliases
union all select 'feeds', count(*) from feeds
union all select 'articles', count(*) from articles
union all select 'article_versions', count(*) from article_versions
union all select 'article_signatures', count(*) from article_signatures
union all select 'entities', count(*) from entities
union all select 'entity_aliases', count(*) from entity_aliases
union all select 'article_entities', count(*) from article_entities
union all select 'fetches', count(*) from fetches;
