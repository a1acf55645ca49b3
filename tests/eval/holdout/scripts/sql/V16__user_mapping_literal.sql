CREATE SERVER legacy_lims FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'legacy-lims.internal', dbname 'lims', sslmode 'require');
CREATE USER MAPPING FOR lims_migration SERVER legacy_lims OPTIONS (user 'lims_reader', password 'Fdw#Legacy2021');
