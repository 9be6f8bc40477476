-- One source per outlet key: "Independent" and "The Independent" never become two rows.
select outlet_key, count(*) as n from sources group by outlet_key having count(*) > 1;
