CREATE ROLE results_reader NOLOGIN;
GRANT USAGE ON SCHEMA results TO results_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA results TO results_reader;
GRANT results_reader TO alice_martin, lims_migration;
