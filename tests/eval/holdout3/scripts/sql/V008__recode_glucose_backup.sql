-- Keep a backup of the rows about to be re-coded, then re-code them.
SELECT result_id, patient_id, analyte_code, result_value INTO results_recode_backup FROM lab_results WHERE analyte_code IN ('GLU', 'GLUC');

UPDATE lab_results SET analyte_code = 'GLU' WHERE analyte_code = 'GLUC';

ANALYZE lab_results;
