-- The generator of bench/gen_warehouse.py: fills a freshly migrated warehouse with a realistic news corpus
-- in SQL only (range() + hash(), no Python row loops). Statements are separated by ';' at line ends, as in
-- sql/load/. Sizes and the seed arrive as bound parameters ($articles, $mentions, $outlets, $entities, $days,
-- $end, $seed, $checks); `set variable` keeps the ones the macros need.
--
-- Every random draw is hash(key, seed, tag): deterministic for a seed, independent between tags. Work tables
-- are TEMP (g_*), keyed by integers; the real tables get 16-hex ids derived from those integers.

set variable seed = $seed;
set variable end_at = cast($end as timestamp);
set variable start_at = cast($end as timestamp) - to_days(cast($days as integer));
set variable n_entities = $entities;

-- uniform [0, 1), an integer in [0, n), an id, one element of a list
-- (hash() of several values only combines their hashes: hashed again, draws under two tags are independent)
create or replace temp macro rnd(k, tag) as hash(hash(k, getvariable('seed'), tag)) / 18446744073709551616.0;
create or replace temp macro rint(k, tag, n) as
    cast(hash(hash(k, getvariable('seed'), tag)) % cast(n as ubigint) as bigint);
create or replace temp macro hexid(kind, k) as lower(lpad(to_hex(hash(hash(kind, k))), 16, '0'));
create or replace temp macro pick(xs, k, tag) as xs[1 + rint(k, tag, len(xs))];
-- about normal(0, 1) (Irwin-Hall of 4 uniforms)
create or replace temp macro gauss(k, tag) as
    (rnd(k, tag || '1') + rnd(k, tag || '2') + rnd(k, tag || '3') + rnd(k, tag || '4') - 2.0) * 1.732;
-- a Zipf-like rank in [0, n): density ~ rank^-s (inverse CDF of a bounded Pareto on [1, n + 1))
create or replace temp macro zipf(u, n, s) as
    least(n - 1, cast(floor(pow(1 + u * (pow(n + 1.0, 1 - s) - 1), 1 / (1 - s))) as bigint) - 1);
-- two-letter syllables: names made of them are unambiguous, so a name made from a number is unique
create or replace temp macro syl(d) as
    (['ka', 'lo', 'mi', 'ra', 'te', 'vo', 'su', 'ne', 'di', 'ba', 'go', 'pe', 'ri', 'to', 'ha', 'ze', 'fu',
      'ja', 'wi', 'no', 'sa', 'me', 'li', 'da', 'ko', 'ru', 'vi', 'be', 'lu', 'mo'])[1 + d % 30];
-- a made-up word, different for every k: three syllables below 27,000 (k scrambled, so neighbours differ)
create or replace temp macro word3_(k) as upper(syl(k)[1]) || syl(k)[2] || syl(k // 30) || syl(k // 900);
create or replace temp macro word3(k) as
    case when k < 27000 then word3_((k * 7919) % 27000) else word3_(k) || syl(k // 27000) end;

-- outlets ---------------------------------------------------------------------------------------------------
create temp table g_outlet as
select
    o,
    hexid('source', o)                                   as source_id,
    name,
    outlet_key,
    outlet_key || '.example'                             as domain,
    'https://www.' || outlet_key || '.example/'          as homepage,
    case when rnd(o, 'lang') < 0.60 then 'en' when rnd(o, 'lang') < 0.70 then 'de'
         when rnd(o, 'lang') < 0.78 then 'fr' when rnd(o, 'lang') < 0.86 then 'es'
         when rnd(o, 'lang') < 0.91 then 'it' when rnd(o, 'lang') < 0.96 then 'pt' else 'ja' end as language,
    1 + (o % 3 = 0)::int + (o < 20)::int * 2             as n_feeds
from (
    select o, name, lower(regexp_replace(name, '[^A-Za-z0-9]', '', 'g')) as outlet_key
    from (
        select range as o,
            (['Kirkhaven', 'Marlow', 'Eastbridge', 'Solvay', 'Harrowgate', 'Pinecrest', 'Oakmere', 'Dunmore',
              'Westfall', 'Ravensholm', 'Brightwater', 'Calder', 'Ashford', 'Thornbury', 'Glenmark', 'Riverton',
              'Stonebay', 'Fairhaven', 'Northgate', 'Millbrook', 'Lakeview', 'Hollowell', 'Redcliff', 'Elmstead',
              'Coldharbour', 'Wexley', 'Ambleside', 'Kingsport', 'Highmoor', 'Saltmarsh', 'Briarwood', 'Corrie',
              'Ferndale', 'Greystone', 'Larkspur', 'Merriton', 'Norwood', 'Pembrook', 'Quarry', 'Rosedale',
              'Silverton', 'Tidewater', 'Upfield', 'Valemont', 'Whitby', 'Yarrow', 'Zennor', 'Alderney',
              'Bexhill', 'Crowhurst', 'Dalston', 'Eskdale', 'Falkirk', 'Gorsey', 'Hythe', 'Ilfracombe',
              'Jedburgh', 'Keswick', 'Lydney', 'Mossley'])[1 + range % 60]
            || ' ' ||
            (['Herald', 'Times', 'Post', 'Gazette', 'Chronicle', 'Courier', 'Observer', 'Tribune', 'Record',
              'Echo', 'Mercury', 'Standard', 'Journal', 'Express', 'Sentinel', 'Dispatch', 'Ledger', 'Monitor',
              'Telegraph', 'Review'])[1 + (range * 7 + range // 60) % 20]
            || case when range >= 1200 then ' ' || cast(range // 1200 + 1 as varchar) else '' end as name
        from range($outlets)
    )
);

insert into sources (source_id, name, outlet_key, domain, homepage, first_seen_at)
select source_id, name, outlet_key, domain, homepage,
       getvariable('start_at') - interval 1 day + to_hours(rint(o, 'src_seen', 24))
from g_outlet order by o;

insert into source_aliases (alias, alias_key, alias_kind, source_id, first_seen_at)
select alias, alias_key, alias_kind, source_id, getvariable('start_at') - interval 1 day
from (
    select name as alias, outlet_key as alias_key, 'name' as alias_kind, source_id, o from g_outlet
    union all
    select 'The ' || name, outlet_key, 'name', source_id, o from g_outlet where o % 3 = 0
    union all
    select upper(name), outlet_key, 'name', source_id, o from g_outlet where o % 7 = 1
    union all
    select domain, domain, 'domain', source_id, o from g_outlet
    union all
    select 'www.' || domain, domain, 'domain', source_id, o from g_outlet where o % 4 = 0
)
order by o;

-- feeds: 1 to 4 per outlet, about 6% failing ------------------------------------------------------------------
create temp table g_feed as
select
    o.o * 8 + s                                         as fno,
    o.o,
    s,
    hexid('feed', o.o * 8 + s)                          as feed_id,
    o.outlet_key || '-' || (['world', 'politics', 'business', 'technology', 'sport'])[1 + s] as name,
    'https://www.' || o.domain || '/' || (['world', 'politics', 'business', 'technology', 'sport'])[1 + s]
        || '/rss.xml'                                   as url,
    case when rnd(o.o * 8 + s, 'kind') < 0.70 then 'rss' when rnd(o.o * 8 + s, 'kind') < 0.90 then 'atom'
         when rnd(o.o * 8 + s, 'kind') < 0.95 then 'listing' when rnd(o.o * 8 + s, 'kind') < 0.98 then 'sitemap'
         else 'jsonfeed' end                            as kind,
    o.source_id,
    case when o.o < greatest(1, $outlets // 10) then 'frequent' when o.o % 2 = 0 then 'hourly'
         else 'default' end                             as schedule_group,
    rnd(o.o * 8 + s, 'failing') < 0.06                  as failing
from g_outlet o, range(4) t(s)
where s < o.n_feeds;

insert into feeds (feed_id, name, url, kind, source_id, schedule_group, follow_links, etag, last_modified,
                   last_content_sha256, last_status_code, last_outcome, last_error, last_fetched_at,
                   last_success_at, error_streak, items_last_run)
select
    feed_id, name, url, kind, source_id, schedule_group, kind <> 'sitemap',
    case when kind in ('rss', 'atom') then '"' || hexid('etag', fno) || '"' end,
    case when kind = 'rss' then strftime(getvariable('end_at') - to_minutes(rint(fno, 'lm', 300)),
                                         '%a, %d %b %Y %H:%M:%S GMT') end,
    sha256(feed_id),
    case when failing then ([500, 503, 404, 403, 429])[1 + rint(fno, 'st', 5)]
         when rnd(fno, 'nm') < 0.4 then 304 else 200 end,
    case when failing and rnd(fno, 'net') < 0.3 then 'network_error' when failing then 'http_error'
         when rnd(fno, 'nm') < 0.4 then 'not_modified' else 'ok' end,
    case when failing and rnd(fno, 'net') < 0.3 then 'read timeout after 20 s'
         when failing then 'HTTP ' || ([500, 503, 404, 403, 429])[1 + rint(fno, 'st', 5)] end,
    getvariable('end_at') - to_minutes(rint(fno, 'lf', 60)),
    getvariable('end_at') - to_minutes(rint(fno, 'lf', 60))
        - case when failing then to_hours(1 + rint(fno, 'streak', 96)) else interval 0 hour end,
    case when failing then 1 + rint(fno, 'streak', 96) else 0 end,
    case when failing then 0 else rint(fno, 'items', 40) end
from g_feed order by fno;

-- runs: one per hour -------------------------------------------------------------------------------------------
insert into runs (run_id, flow_run_id, sources_file, schedule_group, started_at, finished_at, status,
                  sources_total, sources_failed, items_parsed, articles_new, articles_changed,
                  articles_unchanged, entities_new, error, lock_wait_seconds, search_index_seconds)
select
    hexid('run', r),
    hexid('flowrun', r) || hexid('flowrun2', r),
    'sources.toml',
    null,
    getvariable('start_at') + to_hours(r) + to_seconds(rint(r, 'delay', 30)),
    case when status = 'skipped' then getvariable('start_at') + to_hours(r) + to_seconds(rint(r, 'delay', 30))
         else getvariable('start_at') + to_hours(r) + to_seconds(rint(r, 'delay', 30) + 40 + rint(r, 'dur', 500))
    end,
    status,
    (select count(*) from g_feed),
    case when status = 'skipped' then null else rint(r, 'sfail', 1 + (select count(*) from g_feed) // 20) end,
    case when status = 'skipped' then null else 200 + rint(r, 'items', 4000) end,
    0, 0, 0, 0,
    case when status = 'failed' then 'load failed: Constraint Error: duplicate key in article_entities'
         when status = 'skipped' then 'another run of this group was in progress' end,
    case when status = 'skipped' then null else round(rnd(r, 'lock') * rnd(r, 'lock2') * 3, 3) end,
    case when status = 'completed' then round(2 + rnd(r, 'fts') * 20, 3) end
from (
    select range as r,
        case when range = $days * 24 - 1 then 'completed' when rnd(range, 'status') < 0.01 then 'failed'
             when rnd(range, 'status') < 0.013 then 'skipped' else 'completed' end as status
    from range($days * 24)
)
order by r;

-- stories: sizes 1..30 (density ~ size^-1.8). Story k's first article sits at position first_slot in article
-- order, the others up to 72 hours later (mostly soon after); articles are numbered by that position
create temp table g_slot as
with sizes as (
    select range as story_no,
        cast(least(30, floor(pow(1 - rnd(range, 'story_size') * (1 - pow(31, -0.8)), -1 / 0.8))) as integer)
            as size
    from range($articles)
),
placed as (
    select story_no, size, sum(size) over (order by story_no rows unbounded preceding) - size as first_slot
    from sizes
),
members as (
    select story_no, first_slot + m as slot,
        first_slot + case when m = 0 then 0
                          else pow(rnd(first_slot + m, 'story_lag'), 2) * ($articles * 3.0 / $days) end as pos
    from placed cross join unnest(range(size)) u(m)
    where first_slot < $articles
)
select story_no, row_number() over (order by pos, slot) - 1 as i
from members
where slot < $articles;

-- sentences: the pool article texts are drawn from ----------------------------------------------------------------
create temp table g_sentence as
select sno, sentence, len(string_split(sentence, ' ')) as words
from (
    select range as sno,
        pick(['The', 'Officials said the', 'According to the report, the', 'Analysts noted that the',
              'On Tuesday the', 'Earlier this week the', 'In a statement the', 'Critics argue that the',
              'Residents say the', 'For now the'], range, 's1')
        || ' ' ||
        pick(['government', 'central bank', 'city council', 'rescue team', 'trade union', 'committee',
              'company', 'court', 'ministry', 'opposition', 'coalition', 'police', 'regulator', 'hospital',
              'school board', 'airline', 'energy firm', 'football club', 'research group', 'charity'], range, 's2')
        || ' ' ||
        pick(['announced', 'rejected', 'postponed', 'approved', 'questioned', 'defended', 'criticised',
              'welcomed', 'investigated', 'launched', 'cancelled', 'extended', 'reviewed', 'confirmed'],
             range, 's3')
        || ' ' ||
        pick(['a plan to cut costs', 'new rules on housing', 'the proposed budget', 'a bid for the contract',
              'talks with the unions', 'the merger', 'its annual forecast', 'a ban on night flights',
              'the inquiry into the collapse', 'an increase in fares', 'a reform of the pension system',
              'the deal with its neighbours', 'emergency funding for flood victims', 'a new stadium',
              'plans for a second runway', 'the sale of state assets', 'the climate targets'], range, 's4')
        || ' ' ||
        pick(['after months of debate', 'despite strong objections', 'amid rising prices',
              'following the elections', 'ahead of the summit', 'as protests continued',
              'with support from the region', 'before the end of the year', 'in a surprise move',
              'for the third time this year', 'according to people familiar with the matter',
              'citing security concerns', 'while negotiations go on', 'at a press conference'], range, 's5')
        || pick(['.', '.', '.', ', officials said.', ', the spokesperson added.', ' on Monday.', ' last week.',
                 ', a source said.'], range, 's6')
        as sentence
    from range(20000)
);

-- articles ----------------------------------------------------------------------------------------------------
create temp table g_article as
with base as (
    select
        i,
        i % 20 <> 0 and i >= 400 and rnd(i, 'copy') < 0.053                 as is_copy,
        cast(floor($outlets * pow(rnd(i, 'outlet'), 2)) as bigint)             as o,
        getvariable('start_at') + to_microseconds(cast(((i + rnd(i, 'jitter') * 0.9)
            * (($days * 86400.0 - 7200) / $articles)) * 1e6 as bigint))       as published_at
    from range($articles) t(i)
),
with_orig as (
    select *, case when is_copy then 20 * ((i - 1 - rint(i, 'orig', 300)) // 20) end as orig
    from base
)
select
    b.*,
    coalesce(b.orig, b.i)                                                      as text_no,
    case when b.is_copy and rnd(b.i, 'near') < 0.3 then 'near' when b.is_copy then 'exact' end as duplicate_kind,
    s.story_no                                                                 as slot_story,
    b.published_at + to_minutes(5 + rint(b.i, 'lag', 115))                     as first_seen_at,
    case when rnd(b.i, 'ver') < 0.005 then 3 when rnd(b.i, 'ver') < 0.04 then 2 else 1 end as n_versions,
    0.5 + rnd(b.i, 'weight')                                                   as entity_weight
from with_orig b
join g_slot s on s.i = b.i;

-- texts: title, summary, body of each distinct text (copies share their original's)
create temp table g_text as
with parts as (
    select a.text_no, j, s.sentence, s.words
    from (select text_no, 4 + rint(text_no, 'n_sentences', 7) as n from g_article where not is_copy) a
    cross join unnest(range(a.n)) u(j)
    join g_sentence s on s.sno = rint(a.text_no * 64 + j, 'sentence', 20000)
)
select
    text_no,
    string_agg(sentence, ' ' order by j)                                       as body,
    string_agg(sentence, ' ' order by j) filter (where j < 3)                  as body_trimmed,
    cast(sum(words) as integer)                                                as words,
    cast(sum(words) filter (where j < 3) as integer)                           as words_trimmed,
    any_value(sentence) filter (where j = 0)                                   as summary
from parts
group by text_no;

create temp table g_article_row as
select
    a.i,
    hexid('article', a.i)                                                      as article_id,
    'https://www.' || o.domain || '/' || strftime(a.published_at, '%Y/%m/%d') || '/'
        || lower(replace(title, ' ', '-')) || '-' || cast(a.i as varchar)      as canonical_url,
    o.source_id,
    hexid('feed', a.o * 8 + rint(a.i, 'feed', o.n_feeds))                      as feed_id,
    title,
    t.summary,
    case when a.duplicate_kind = 'near' then t.body_trimmed else t.body end    as body,
    case when a.duplicate_kind = 'near' then t.words_trimmed else t.words end  as word_count,
    case when rnd(a.i, 'authors') < 0.15 then cast([] as varchar[])
         when rnd(a.i, 'authors') < 0.85 then [pick(['Anna', 'Tom', 'Maria', 'Jonas', 'Lena', 'Omar', 'Sofia',
                                                       'Luca', 'Priya', 'Kenji'], a.i, 'au1')
                                                 || ' ' || word3(rint(a.i, 'au2', 27000))]
         else [pick(['Anna', 'Tom', 'Maria', 'Jonas'], a.i, 'au1') || ' ' || word3(rint(a.i, 'au2', 27000)),
               'Staff and agencies'] end                                        as authors,
    case when rnd(a.i, 'lang_other') < 0.03 then 'en' else o.language end      as language,
    (['world', 'politics', 'business', 'technology', 'sport'])[1 + rint(a.i, 'feed', o.n_feeds)] as section,
    case when rnd(a.i, 'img') < 0.8 then 'https://cdn.' || o.domain || '/img/' || a.article_no_hex || '.jpg'
        end                                                                     as image_url,
    a.published_at,
    case when rnd(a.i, 'psrc') < 0.60 then 'jsonld' when rnd(a.i, 'psrc') < 0.75 then 'meta'
         when rnd(a.i, 'psrc') < 0.90 then 'feed' when rnd(a.i, 'psrc') < 0.94 then 'time_tag'
         when rnd(a.i, 'psrc') < 0.97 then 'url' when rnd(a.i, 'psrc') < 0.99 then 'relative'
         else 'fetched' end                                                     as published_source,
    a.first_seen_at,
    a.first_seen_at + to_hours(cast((a.n_versions - 1) * (1 + rint(a.i, 'vgap', 6)) as integer))  as fetched_at,
    case when rnd(a.i, 'csrc') < 0.90 then 'page' when rnd(a.i, 'csrc') < 0.98 then 'feed' else 'listing' end
                                                                                as content_source,
    case when a.is_copy then hexid('article', a.orig) end                      as duplicate_of,
    a.duplicate_kind,
    case when a.duplicate_kind = 'exact' then 1.0
         when a.duplicate_kind = 'near' then round(0.55 + 0.44 * rnd(a.i, 'sim'), 4) end as duplicate_similarity,
    case when rnd(a.i, 'note') < 0.005 then 'jsonld date ' || strftime(a.published_at + interval 3 day,
         '%Y-%m-%dT%H:%M:%SZ') || ' rejected: more than 14 h after the fetch' end as published_note,
    case when a.n_versions > 1 or rnd(a.i, 'mod') < 0.1
         then a.published_at + to_minutes(30 + rint(a.i, 'modm', 600)) end     as modified_at,
    a.n_versions,
    a.is_copy,
    a.orig,
    a.slot_story,
    a.entity_weight,
    len(title)                                                                 as title_len,
    len(t.body)                                                                as body_len
from (
    select *, lower(lpad(to_hex(cast(i as bigint)), 8, '0')) as article_no_hex,
        pick(['Ministers', 'Central bank', 'Rescue teams', 'Union leaders', 'City council', 'Regulators',
              'Voters', 'Shareholders', 'Police', 'Scientists', 'Farmers', 'Airlines', 'Doctors',
              'Tech giants', 'Opposition', 'Court', 'Negotiators', 'Students', 'Investors', 'Coach'],
             text_no, 't1') || ' ' ||
        pick(['back', 'reject', 'delay', 'unveil', 'warn over', 'push for', 'clash over', 'agree on',
              'probe', 'scrap', 'defend', 'rethink', 'sign', 'slam', 'weigh'], text_no, 't2') || ' ' ||
        pick(['housing plan', 'rate rise', 'budget deal', 'flood defences', 'pension reform', 'new stadium',
              'energy prices', 'border checks', 'rail strike', 'merger', 'AI rules', 'school meals',
              'water bills', 'climate target', 'trade pact', 'election date', 'drug trial', 'night flights'],
             text_no, 't3') ||
        pick(['', '', '', ' as talks stall', ' amid protests', ' after record year', ' in surprise move',
              ' ahead of summit', ': what we know', ' despite warnings'], text_no, 't4') as title
    from g_article
) a
join g_outlet o on o.o = a.o
join g_text t on t.text_no = a.text_no;

-- story ids: a copy joins its original's story; the story id is the id of its first published article
create temp table g_story as
with eff as (
    select a.i, a.published_at, coalesce(orig.slot_story, a.slot_story) as story_no
    from g_article_row a left join g_article_row orig on orig.i = a.orig
)
select e.i, e.story_no, hexid('article', f.first_i) as story_id
from eff e
join (select story_no, arg_min(i, published_at) as first_i from eff group by story_no) f using (story_no);

insert into articles (article_id, canonical_url, url, source_id, feed_id, guid, title, summary, body, authors,
                      language, section, image_url, published_at, published_source, first_seen_at, fetched_at,
                      word_count, content_hash, content_source, duplicate_of, story_id, published_note,
                      duplicate_kind, duplicate_similarity, modified_at, has_mojibake)
select
    a.article_id, a.canonical_url,
    case when rnd(a.i, 'utm') < 0.3 then a.canonical_url || '?utm_source=rss&utm_medium=feed'
         else a.canonical_url end,
    a.source_id, a.feed_id,
    case when rnd(a.i, 'guid') < 0.5 then a.canonical_url else 'urn:uuid:' || a.article_id end,
    a.title, a.summary, a.body, a.authors, a.language, a.section, a.image_url, a.published_at,
    a.published_source, a.first_seen_at, a.fetched_at, a.word_count,
    hexid(a.title, a.body), a.content_source, a.duplicate_of, s.story_id, a.published_note,
    a.duplicate_kind, a.duplicate_similarity, a.modified_at,
    false  -- the generated texts are clean (the load would find so: sql/load/articles_has_mojibake.sql)
from g_article_row a
join g_story s using (i)
order by a.i;

-- versions: every article's current text, plus earlier headlines for about 4% -------------------------------------
insert into article_versions (article_id, content_hash, title, body, seen_at)
select
    a.article_id,
    case when v.k = a.n_versions - 1 then hexid(a.title, a.body) else hexid(a.article_id, v.k) end,
    case when v.k = a.n_versions - 1 then a.title
         else pick(['Breaking: ', 'Live: ', 'Update: ', ''], a.i * 4 + v.k, 'old_title')
              || split_part(a.title, ' ', 1) || ' ' || split_part(a.title, ' ', 2) || ' '
              || pick(['in talks', 'under pressure', 'faces questions', 'to decide today'], a.i * 4 + v.k,
                      'old_title2') end,
    a.body,
    a.first_seen_at + to_hours(cast(v.k * (1 + rint(a.i, 'vgap', 6)) as integer))
from g_article_row a cross join unnest(range(a.n_versions)) v(k)
order by a.i, v.k;

-- entities: Zipf-like popularity (rank 0 the most mentioned) ---------------------------------------------------
create temp table g_entity as
with typed as (
    select range as r,
        case when range < 24 then (['place', 'place', 'place', 'organisation', 'place', 'organisation',
                                    'organisation', 'place', 'place', 'organisation', 'place', 'organisation',
                                    'group', 'place', 'organisation', 'place', 'event', 'organisation', 'place',
                                    'product', 'place', 'organisation', 'group', 'event'])[1 + range]
             when rnd(range, 'etype') < 0.40 then 'person' when rnd(range, 'etype') < 0.65 then 'organisation'
             when rnd(range, 'etype') < 0.85 then 'place' when rnd(range, 'etype') < 0.90 then 'group'
             when rnd(range, 'etype') < 0.95 then 'event' else 'product' end as entity_type
    from range($entities)
)
select
    r,
    hexid('entity', r) as entity_id,
    entity_type,
    case
        when r < 24 then (['United States', 'China', 'Russia', 'European Union', 'Ukraine', 'United Nations',
                           'NATO', 'Germany', 'France', 'World Health Organization', 'Japan', 'Federal Reserve',
                           'Europeans', 'India', 'International Monetary Fund', 'Brazil', 'World Cup',
                           'Supreme Court', 'London', 'iPhone', 'Middle East', 'OpenAI', 'Americans',
                           'G20 summit'])[1 + r]
        when entity_type = 'person' then
            (['James', 'Maria', 'Wei', 'Olga', 'Ahmed', 'Fatima', 'Carlos', 'Yuki', 'Ingrid', 'Kwame', 'Priya',
              'Pierre', 'Elena', 'Tomasz', 'Aisha', 'Lars', 'Giulia', 'Hiro', 'Nadia', 'Samuel'])[1 + rint(r, 'first', 20)]
            || ' ' || word3(r)
        when entity_type = 'organisation' then word3(r) || ' ' ||
            (['Holdings', 'Group', 'Bank', 'Institute', 'Party', 'Council', 'Ministry', 'Airlines', 'Energy',
              'Labs'])[1 + rint(r, 'suffix', 10)]
        when entity_type = 'place' then word3(r) ||
            (['ia', 'stan', 'land', 'ton', 'ville', 'burg', 'port'])[1 + rint(r, 'suffix', 7)]
        when entity_type = 'group' then word3(r) || (['ians', 'ese', 'ites'])[1 + rint(r, 'suffix', 3)]
        when entity_type = 'event' then word3(r) || ' ' ||
            (['Summit', 'Games', 'Festival', 'Conference', 'Crisis', 'Election', 'Cup'])[1 + rint(r, 'suffix', 7)]
        else word3(r) || ' ' || (['Phone', 'Pro', 'OS', 'Car', 'X'])[1 + rint(r, 'suffix', 5)]
    end as canonical_name
from typed;

-- article_entities: exactly $mentions rows. Article i gets n_i entities (weights summed in article order, so
-- the counts add up to $mentions): its story's core entities (2-5, shared by the story's articles, drawn from
-- a Zipf ranking shifted by month, so entities rise and fall) and globally popular ones (Zipf, s = 0.8);
-- repeated draws are dropped
create temp table g_mention_count as
select i, slot_story,
    cast(round($mentions * cum / total) - round($mentions * (cum - entity_weight) / total) as integer) as n
from (
    select i, slot_story, entity_weight,
        sum(entity_weight) over (order by i rows unbounded preceding) as cum,
        sum(entity_weight) over () as total
    from g_article_row
);

create temp table g_mention as
with drawn as (
    select i, n, core,
        list_slice(list_distinct(list_concat(core, list_transform(range(2 * n + 8),
            j -> zipf(rnd(i * 128 + j, 'mention'), getvariable('n_entities'), 0.8)))), 1, n) as ranks
    from (
        select m.i, m.n,
            list_transform(range(2 + rint(m.slot_story, 'n_core', 4)), j ->
                case when rnd(m.slot_story * 8 + j, 'core_kind') < 0.4
                     then zipf(rnd(m.slot_story * 8 + j, 'core'), getvariable('n_entities'), 0.8)
                     else (zipf(rnd(m.slot_story * 8 + j, 'core'), getvariable('n_entities'), 0.7)
                           + 7919 * cast(datediff('day', getvariable('start_at'), a.published_at) // 30 as bigint))
                          % getvariable('n_entities') end) as core
        from g_mention_count m join g_article_row a using (i)
        where m.n > 0
    )
)
select i, unnest(ranks) as r, generate_subscripts(ranks, 1) as pos, core
from drawn;

insert into article_entities (article_id, entity_id, mention_count, first_offset, is_in_title, salience,
                              surfaces)
select
    article_id, entity_id, mention_count, first_offset, is_in_title,
    least(1.0, round(0.5 * is_in_title::int + 0.3 * least(mention_count, 5) / 5.0
                     + 0.2 * (1 - first_offset / (title_len + 2 + body_len + 1.0)), 4)),
    case when entity_type = 'person' and mention_count > 1 then [canonical_name, split_part(canonical_name, ' ', 2)]
         else [canonical_name] end
from (
    select
        a.article_id, e.entity_id, e.entity_type, e.canonical_name, a.title_len, a.body_len,
        cast(least(40, case when list_contains(m.core, m.r) then 2 + floor(-ln(1 - rnd(m.i * 256 + m.pos, 'mc')) * 2)
                            else 1 + floor(-ln(1 - rnd(m.i * 256 + m.pos, 'mc')) * 0.7) end) as integer) as mention_count,
        case when list_contains(m.core, m.r) then rnd(m.i * 256 + m.pos, 'title') < 0.4
             else rnd(m.i * 256 + m.pos, 'title') < 0.04 end                    as is_in_title,
        cast(case when is_in_title then rint(m.i * 256 + m.pos, 'offset', a.title_len)
                  else a.title_len + 2 + rint(m.i * 256 + m.pos, 'offset', greatest(1, a.body_len)) end as integer)
            as first_offset
    from g_mention m
    join g_article_row a using (i)
    join g_entity e using (r)
);

insert into entities (entity_id, canonical_name, entity_type, first_seen_at)
select e.entity_id, e.canonical_name, e.entity_type,
       coalesce(f.first_seen_at, getvariable('start_at'))
from g_entity e
left join (select r, min(a.first_seen_at) as first_seen_at
           from g_mention m join g_article_row a using (i) group by r) f using (r)
order by e.r;

insert into entity_aliases (entity_id, alias, first_seen_at)
select entity_id, alias, first_seen_at
from (
    select entity_id, canonical_name as alias, first_seen_at, entity_id as k from entities
    union all
    select entity_id, split_part(canonical_name, ' ', 2), first_seen_at, entity_id from entities
    where entity_type = 'person'
    union all
    select entity_id, upper(left(canonical_name, 3)), first_seen_at, entity_id from entities
    where entity_type in ('organisation', 'place') and rnd(hash(entity_id), 'abbr') < 0.1
)
order by k;

insert into entity_decisions (decision_id, kind, entity_type, names, decided_at, note)
select hexid('decision', range),
       case when range % 3 = 2 then 'never_merge' else 'merge' end,
       'person',
       [canonical_name, canonical_name || 'a'],
       getvariable('start_at') + to_days(cast(range * ($days // 25) as integer)),
       'spelling variant'
from range(20)
join g_entity on g_entity.r = 24 + range * 37 and g_entity.entity_type = 'person';

-- fetches: each feed polled by every 4th hourly run, and every article page ---------------------------------------
insert into fetches (fetch_id, run_id, feed_id, purpose, url, final_url, status_code, outcome, error,
                     content_sha256, content_type, bytes, elapsed_ms, fetched_at, etag, last_modified,
                     content_encoding)
select
    hexid('fetch', k), hexid('run', r), feed_id, purpose, url, url,
    case outcome when 'ok' then 200 when 'not_modified' then 304 when 'parse_error' then 200
                 when 'http_error' then ([500, 503, 404, 429])[1 + rint(k, 'status', 4)] end,
    outcome,
    case outcome when 'http_error' then 'HTTP error' when 'network_error' then 'connection reset by peer'
                 when 'parse_error' then 'not well-formed (invalid token): line 1, column 0' end,
    case when outcome in ('ok', 'parse_error') then sha256(hexid('body', k)) end,
    case when purpose = 'article' then 'text/html; charset=utf-8' else 'application/rss+xml' end,
    case when outcome in ('ok', 'parse_error') then 5000 + rint(k, 'bytes', 300000) end,
    round(exp(ln(case when purpose = 'article' then 180 else 120 end) + 0.6 * gauss(k, 'latency')), 1),
    fetched_at,
    case when outcome = 'ok' and purpose <> 'article' then '"' || hexid('etag', k) || '"' end,
    null,
    case when outcome = 'ok' and rnd(k, 'gzip') < 0.7 then 'gzip' end
from (
    select f.fno + r.range * 8192 * 64 as k, r.range as r, f.feed_id, 'feed' as purpose, f.url,
        getvariable('start_at') + to_hours(r.range) + to_seconds(30 + rint(f.fno + r.range * 524288, 'at', 300))
            as fetched_at,
        case when f.failing and r.range > $days * 24 - 100 then 'http_error'
             when rnd(f.fno + r.range * 524288, 'outcome') < 0.55 then 'ok'
             when rnd(f.fno + r.range * 524288, 'outcome') < 0.93 then 'not_modified'
             when rnd(f.fno + r.range * 524288, 'outcome') < 0.97 then 'http_error'
             when rnd(f.fno + r.range * 524288, 'outcome') < 0.99 then 'network_error'
             else 'parse_error' end as outcome
    from range($days * 24) r, g_feed f
    where (r.range + f.fno) % 4 = 0
    union all
    select -1 - a.i, least($days * 24 - 1,
               cast(epoch(a.first_seen_at - getvariable('start_at')) // 3600 as bigint)),
        a.feed_id, 'article', a.canonical_url, a.first_seen_at,
        case when rnd(a.i, 'afail') < 0.995 then 'ok' else 'http_error' end
    from g_article_row a
)
order by fetched_at;

update runs set articles_new = n.articles
from (select cast(epoch(first_seen_at - getvariable('start_at')) // 3600 as bigint) as r, count(*) as articles
      from g_article_row group by all) n
where runs.run_id = hexid('run', n.r) and runs.status = 'completed';

-- check results of every completed run but the last (the generator records the real checks for that one)
insert into check_results (run_id, check_name, failing_rows, checked_at)
select hexid('run', r.range), c.check_name,
       case when rnd(r.range * 64 + c.n, 'check') < 0.002 then 1 + rint(r.range * 64 + c.n, 'failing', 5) else 0 end,
       getvariable('start_at') + to_hours(r.range) + interval 5 minute
from range($days * 24 - 1) r,
     (select unnest(cast($checks as varchar[])) as check_name, generate_subscripts(cast($checks as varchar[]), 1) as n) c
where rnd(r.range, 'status') >= 0.013
order by r.range, c.n;
