-- V33: new columns for the LIMS link
ALTER TABLE patients ADD COLUMN newlims_id uuid;
CREATE UNIQUE INDEX ix_patients_newlims ON patients (newlims_id);
COMMENT ON COLUMN patients.newlims_id IS 'identifier in the new LIMS';
