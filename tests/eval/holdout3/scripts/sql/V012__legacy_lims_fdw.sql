-- Foreign data wrapper to read the legacy LIMS during the cut-over.
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER legacy_lims FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'legacy-lims.internal', dbname 'lims', sslmode 'verify-full');
CREATE USER MAPPING FOR lims_migration SERVER legacy_lims OPTIONS (user 'lims_fdw_ro', password 'L1ms-Fdw-ReadOnly');
CREATE SCHEMA IF NOT EXISTS legacy;
IMPORT FOREIGN SCHEMA public LIMIT TO (lab_results, lab_samples) FROM SERVER legacy_lims INTO legacy;
