-- Bring the entity aggregates up to date with aggregate_changes, in the change's transaction.
-- The (day, entity) and (week, entity) pairs the change touched are counted again from article_entities
-- and articles (distinct outlets cannot be added up). Whole touched days were counted again before: a run
-- whose articles spread over 14 days (the peer kit's corpus, or a first run) counted the whole warehouse
-- again at every load, in memory growing with it (issue 15); the pairs are the change's own. An (entity,
-- outlet) pair that only gained articles gets the change added to it; one that lost an article is counted
-- again, for that pair only (a removed article may have been its first or last). Recounting every touched
-- entity instead cost 2.5 s a batch at 1,000,000 articles: a batch touches the most mentioned entities
-- every time. entity_articles loses the rows taken away and gets the rows put in. Rows inserted here are
-- appended unsorted: store/aggregates.py counts them into aggregate_layout.
create or replace temp table touched_pairs as
select distinct cast(published_at as date) as day, cast(date_trunc('week', published_at) as date) as week,
       entity_id
from aggregate_changes
where entity_id is not null;
delete from entity_day_counts d
using (select distinct day, entity_id from touched_pairs) t
where d.day = t.day and d.entity_id = t.entity_id;
insert into entity_day_counts
select cast(a.published_at as date), ae.entity_id, count(*), count(distinct a.source_id),
       sum(ae.mention_count), count(*) filter (where ae.is_in_title)
from article_entities ae
join articles a using (article_id)
semi join (select distinct day, entity_id from touched_pairs) t
     on t.day = cast(a.published_at as date) and t.entity_id = ae.entity_id
where ae.entity_id in (select entity_id from touched_pairs)
group by all;
delete from entity_week_counts w
using (select distinct week, entity_id from touched_pairs) t
where w.week = t.week and w.entity_id = t.entity_id;
insert into entity_week_counts
select cast(date_trunc('week', a.published_at) as date), ae.entity_id, count(*), count(distinct a.source_id),
       sum(ae.mention_count)
from article_entities ae
join articles a using (article_id)
semi join (select distinct week, entity_id from touched_pairs) t
     on t.week = cast(date_trunc('week', a.published_at) as date) and t.entity_id = ae.entity_id
where ae.entity_id in (select entity_id from touched_pairs)
group by all;
drop table touched_pairs;
create or replace temp table outlet_changes as
select
    entity_id,
    source_id,
    sum(sign)                                                          as articles,
    sum(sign * mention_count)                                          as mentions,
    coalesce(sum(sign) filter (where is_in_title), 0)                  as title_mentions,
    coalesce(sum(sign * cast(salience as decimal(18, 3))), 0)          as salience_sum,
    coalesce(sum(sign) filter (where salience is not null), 0)         as salience_articles,
    min(published_at) filter (where sign = 1)                          as first_published_at,
    max(published_at) filter (where sign = 1)                          as last_published_at,
    bool_or(sign = -1)                                                 as recount
from aggregate_changes
where entity_id is not null
group by entity_id, source_id;
create or replace temp table outlet_rows as
select
    c.entity_id,
    c.source_id,
    coalesce(o.articles, 0) + c.articles,
    coalesce(o.mentions, 0) + c.mentions,
    coalesce(o.title_mentions, 0) + c.title_mentions,
    coalesce(o.salience_sum, 0) + c.salience_sum,
    coalesce(o.salience_articles, 0) + c.salience_articles,
    least(o.first_published_at, c.first_published_at),
    greatest(o.last_published_at, c.last_published_at)
from outlet_changes c
left join entity_outlet_counts o using (entity_id, source_id)
where not c.recount
union all
select ae.entity_id, a.source_id, count(*), sum(ae.mention_count), count(*) filter (where ae.is_in_title),
       coalesce(sum(cast(ae.salience as decimal(18, 3))), 0), count(ae.salience),
       min(a.published_at), max(a.published_at)
from article_entities ae
join articles a using (article_id)
semi join (select entity_id, source_id from outlet_changes where recount) k
     on k.entity_id = ae.entity_id and k.source_id = a.source_id
where ae.entity_id in (select entity_id from outlet_changes where recount)
group by all;
delete from entity_outlet_counts o
using outlet_changes c
where o.entity_id = c.entity_id and o.source_id = c.source_id;
insert into entity_outlet_counts select * from outlet_rows;
drop table outlet_rows;
drop table outlet_changes;
delete from entity_articles e
using aggregate_changes c
where c.sign = -1 and e.article_id = c.article_id and e.entity_id = c.entity_id;
insert into entity_articles
select entity_id, published_at, article_id
from aggregate_changes
where sign = 1 and entity_id is not null
order by entity_id, published_at desc;
drop table aggregate_changes;
drop table if exists aggregate_articles;
