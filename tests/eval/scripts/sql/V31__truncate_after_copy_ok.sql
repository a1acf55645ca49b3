-- V31: copy into the partitioned table, then empty the old one
INSERT INTO lab_results_p (patient_id, test_code, value, validated_at)
SELECT patient_id, test_code, value, validated_at FROM lab_results_old;
TRUNCATE TABLE lab_results_old;
