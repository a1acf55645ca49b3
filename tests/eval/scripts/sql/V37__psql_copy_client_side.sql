-- V37: run with psql; writes on the operator's machine
\copy (SELECT patient_id, test_code, value FROM lab_results) TO 'results_for_newlims.csv' CSV HEADER
