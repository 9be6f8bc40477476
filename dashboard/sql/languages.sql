-- The languages of the articles, the commonest first.
select language, count(*) as articles
from analytics.latest_articles
where language is not null
group by language
order by articles desc, language;
