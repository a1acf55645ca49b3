-- Flyway: move the minimal patient record to the new schema, then drop the old table
INSERT INTO lims_new.patients (patient_ref, birth_year, sex, site)
SELECT patient_ref, EXTRACT(YEAR FROM birth_date)::int, sex, site
FROM lims_old.patients;

DROP TABLE lims_old.patients;
