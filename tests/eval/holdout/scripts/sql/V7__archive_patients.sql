-- Flyway migration: keep discharged patients apart before the LIMS switch
CREATE TABLE patients_archive AS
SELECT * FROM patients
WHERE discharged_at < DATE '2015-01-01';

CREATE INDEX patients_archive_ref_idx ON patients_archive (patient_ref);
