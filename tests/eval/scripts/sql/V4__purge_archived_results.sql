-- Flyway V4: archive then purge, in one migration
CREATE TABLE results_archive_2018 AS
SELECT patient_id, test_code, value, validated_at FROM lab_results WHERE validated_at < DATE '2019-01-01';

DELETE FROM lab_results WHERE validated_at < DATE '2019-01-01';
