-- How many articles the warehouse holds.
select count(*) as articles from analytics.latest_articles;
