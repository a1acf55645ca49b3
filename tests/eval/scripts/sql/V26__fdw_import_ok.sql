-- V26: import only the agreed columns from the legacy server
IMPORT FOREIGN SCHEMA public LIMIT TO (lab_results) FROM SERVER legacy_lims INTO legacy;
INSERT INTO lab_results (patient_id, test_code, value)
SELECT patient_id, test_code, value FROM legacy.lab_results;
DROP FOREIGN TABLE legacy.lab_results;
DROP TABLE legacy.lab_results;
