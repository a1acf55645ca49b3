-- V32: denormalised reporting table
INSERT INTO reporting_results (patient_id, site_code, test_code, value)
SELECT r.patient_id, s.code, r.test_code, r.value
FROM lab_results r JOIN sites s ON s.id = r.site_id;
