-- V17: account for the migration job
CREATE ROLE lims_migrator LOGIN PASSWORD 'Migr@tor2024';
GRANT SELECT ON patients, lab_results TO lims_migrator;
