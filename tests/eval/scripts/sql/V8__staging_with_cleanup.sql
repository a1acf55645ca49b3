-- V8: staging for the export, dropped at the end
CREATE TEMP TABLE export_staging AS
SELECT p.id, r.test_code, r.value FROM patients p JOIN lab_results r ON r.patient_id = p.id;

\copy export_staging TO 'export.csv' CSV HEADER

DROP TABLE export_staging;
