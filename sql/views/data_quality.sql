-- The data-quality checks of the newest run that ran them: each check, its failing rows, pass or fail.
create or replace view analytics.data_quality as
select
    c.check_name,
    c.failing_rows,
    c.failing_rows = 0      as passed,
    c.checked_at,
    c.run_id
from check_results c
where c.run_id = (select run_id from check_results order by checked_at desc limit 1)
order by c.failing_rows desc, c.check_name;
comment on view analytics.data_quality is 'The data-quality checks (sql/checks/) as the newest run left them: one row per check.';
comment on column analytics.data_quality.check_name is 'The check: a file in sql/checks/ returning the rows that break one rule.';
comment on column analytics.data_quality.failing_rows is 'Rows breaking the rule (0: the check passes).';
comment on column analytics.data_quality.passed is 'True when no row breaks the rule.';
comment on column analytics.data_quality.checked_at is 'UTC time the check ran.';
comment on column analytics.data_quality.run_id is 'The run after whose load the check ran.';
