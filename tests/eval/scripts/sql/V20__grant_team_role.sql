-- V20: read access for the lab
GRANT SELECT ON ALL TABLES IN SCHEMA results TO team;
GRANT USAGE ON SCHEMA results TO results_reader;
