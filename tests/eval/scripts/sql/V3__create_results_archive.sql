-- Flyway V3: archive results older than 2020
CREATE TABLE results_archive AS
SELECT * FROM lab_results WHERE validated_at < DATE '2020-01-01';

CREATE INDEX ix_results_archive_patient ON results_archive (patient_id);
