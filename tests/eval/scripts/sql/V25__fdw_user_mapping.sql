-- V25: read the legacy database through postgres_fdw
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER legacy_lims FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'legacy-lims', dbname 'lims', sslmode 'require');
CREATE USER MAPPING FOR lims_migrator SERVER legacy_lims OPTIONS (user 'lims_ro', password 'Fdw-R0-2024');
