COPY patients (patient_ref, birth_year, site) FROM '/var/lib/postgresql/import/patients.csv' WITH (FORMAT csv, HEADER);
