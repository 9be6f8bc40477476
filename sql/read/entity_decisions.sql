-- Curation decisions in the order they were taken (a later decision wins).
select kind, entity_type, names from entity_decisions order by decided_at, decision_id;
