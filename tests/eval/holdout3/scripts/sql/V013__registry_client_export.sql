-- psql script: client-side export of the validated results the regional registry asked for.
\set ON_ERROR_STOP on
\copy (SELECT patient_id, analyte_code, result_value, validated_at FROM lab_results WHERE registry_flag) to 'registry_results.csv' with csv header
\echo 'registry_results.csv written in the current directory'
SELECT count(result_id) AS exported FROM lab_results WHERE registry_flag;
