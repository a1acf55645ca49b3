CREATE TABLE results_with_patient AS
SELECT r.*, p.birth_year
FROM lab_results r JOIN patients p ON p.patient_ref = r.patient_ref;

-- consumed by V18, then removed
DROP TABLE results_with_patient;
