-- V29: reference data
INSERT INTO sites (id, code, label) VALUES (1, 'NORD', 'Laboratoire Nord'), (2, 'SUD', 'Laboratoire Sud');
UPDATE sites SET label = upper(label);
