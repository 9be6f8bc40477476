-- How many articles the warehouse holds.
select count(*) as articles from articles;
