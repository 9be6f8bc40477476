-- Bring the BM25 index (fts_main_articles, made by build_index.sql) up to date with the articles in
-- search_batch (article_id, title, body: new or changed in this load, as loaded; store/search.py gives them,
-- up to INDEX_PASS_ARTICLES at a time), without rebuilding it: the same tokenizer, stop words and stemmer as
-- the fts extension's own indexing, applied to those articles only. Their old postings are removed first.
-- Runs in the load's transaction; the result equals a rebuild (tests compare scores). The batch is read
-- where it is (a load's registered frame), not copied into a table of its own first (+31 MB for 1,900).
create or replace temp table fts_old_docs as
select docid from fts_main_articles.docs where name in (select article_id from search_batch);

update fts_main_articles.dict set df = dict.df - gone.docs
from (
    select termid, count(distinct docid) as docs
    from fts_main_articles.terms
    where docid in (select docid from fts_old_docs)
    group by termid
) gone
where dict.termid = gone.termid;

delete from fts_main_articles.terms where docid in (select docid from fts_old_docs);

delete from fts_main_articles.docs where docid in (select docid from fts_old_docs);

create or replace temp table fts_new_docs as
select (select coalesce(max(docid), -1) from fts_main_articles.docs) + row_number() over (order by article_id)
           as docid,
       article_id, title, body
from search_batch;

create or replace temp table fts_new_terms as
with tokenized as (
    select unnest(fts_main_articles.tokenize(title)) as w, docid, 0 as fieldid from fts_new_docs
    union all
    select unnest(fts_main_articles.tokenize(body)) as w, docid, 1 as fieldid from fts_new_docs
)
select stem(w, 'porter') as term, docid, fieldid
from tokenized
where w is not null and len(w) > 0 and w not in (select sw from fts_main_articles.stopwords);

insert into fts_main_articles.dict (termid, term, df)
select (select coalesce(max(termid), -1) from fts_main_articles.dict) + row_number() over (order by term), term, 0
from (select distinct term from fts_new_terms) t
where term not in (select term from fts_main_articles.dict);

insert into fts_main_articles.terms (docid, fieldid, termid)
select n.docid, n.fieldid, d.termid
from fts_new_terms n
join fts_main_articles.dict d using (term);

update fts_main_articles.dict set df = dict.df + added.docs
from (
    select d.termid, count(distinct n.docid) as docs
    from fts_new_terms n
    join fts_main_articles.dict d using (term)
    group by d.termid
) added
where dict.termid = added.termid;

insert into fts_main_articles.docs (docid, name, len)
select nd.docid, nd.article_id, (select count(*) from fts_new_terms t where t.docid = nd.docid)
from fts_new_docs nd;

delete from fts_main_articles.dict where df = 0;

delete from fts_main_articles.stats;

insert into fts_main_articles.stats (num_docs, avgdl)
select count(docid), sum(len) / count(len) from fts_main_articles.docs;

drop table fts_old_docs;

drop table fts_new_docs;

drop table fts_new_terms;
