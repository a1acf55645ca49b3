-- V27: compatibility view for the old reports
CREATE OR REPLACE VIEW v_patient_results AS
SELECT * FROM patients p JOIN lab_results r ON r.patient_id = p.id;
