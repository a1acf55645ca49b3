-- Per-job login with a Flyway placeholder password; rights through a NOLOGIN group role.
CREATE ROLE lims_migration_2024 LOGIN PASSWORD '${lims_migration_password}' VALID UNTIL '2024-12-31';
CREATE ROLE results_reader NOLOGIN;
GRANT USAGE ON SCHEMA results TO results_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA results TO results_reader;
GRANT results_reader TO lims_migration_2024, a_martin;
