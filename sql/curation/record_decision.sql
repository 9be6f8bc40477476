insert into entity_decisions (decision_id, kind, entity_type, names, decided_at, note)
values ($decision_id, $kind, $entity_type, $names, $decided_at, $note);
