-- V18: account for the migration job; the password comes from a Flyway placeholder
CREATE ROLE lims_migrator LOGIN PASSWORD '${lims_migrator_password}' VALID UNTIL '2024-12-31';
GRANT SELECT ON patients, lab_results TO lims_migrator;
