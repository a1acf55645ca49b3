-- Reference values and a view with named columns. (Never write SELECT * in a migration.)
INSERT INTO ref_units (code, label) VALUES ('mmol/L', 'millimoles per litre'), ('g/L', 'grams per litre');

CREATE VIEW v_results_portal AS
SELECT result_id, patient_id, analyte_code, result_value, unit
FROM lab_results
WHERE released;
