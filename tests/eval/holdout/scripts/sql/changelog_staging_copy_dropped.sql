--liquibase formatted sql

--changeset migration:17-stage-results
-- Do not use SELECT * here: only the fields listed in the migration plan
CREATE TABLE stage_results AS
SELECT result_id, patient_ref, analyte_code, value FROM lab_results WHERE validated;
--rollback DROP TABLE stage_results;

--changeset migration:18-drop-stage
DROP TABLE stage_results;
