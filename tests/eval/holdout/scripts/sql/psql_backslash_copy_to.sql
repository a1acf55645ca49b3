\set ON_ERROR_STOP on
\copy (SELECT patient_ref, birth_year FROM patients WHERE site = 'north') to 'patients_north.csv' csv header
