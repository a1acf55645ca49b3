-- V7: staging for the export; the dropped table is not the staging one
CREATE UNLOGGED TABLE export_staging AS
SELECT p.id, p.last_name, p.first_name, p.nir, r.test_code, r.value
FROM patients p JOIN lab_results r ON r.patient_id = p.id;

DROP TABLE IF EXISTS export_staging_old;
