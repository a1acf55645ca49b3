-- V28: sanity checks
SELECT count(*) FROM lab_results;
SELECT 1 WHERE NOT EXISTS (SELECT * FROM lab_results WHERE patient_id IS NULL);
-- SELECT * FROM patients;   (debug, commented out)
