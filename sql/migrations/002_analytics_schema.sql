-- Views for dashboards and ad-hoc SQL live in their own schema, `analytics` (sql/views/); their names
-- are stable.
create schema if not exists analytics;
