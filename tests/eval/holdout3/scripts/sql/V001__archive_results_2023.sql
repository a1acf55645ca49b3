-- Archive last year's results before the partitioning change (ticket DB-412).
CREATE SCHEMA IF NOT EXISTS archive;

CREATE TABLE archive.lab_results_2023 AS SELECT * FROM lab_results WHERE validated_at < '2024-01-01';

CREATE INDEX lab_results_2023_patient_idx ON archive.lab_results_2023 (patient_id);
COMMENT ON TABLE archive.lab_results_2023 IS 'Frozen copy, see DB-412';
