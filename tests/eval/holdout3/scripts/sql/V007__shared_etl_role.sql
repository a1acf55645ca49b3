-- Login role used by all ETL jobs; the password is a Flyway placeholder (not a literal).
CREATE ROLE shared_etl LOGIN PASSWORD '${shared_etl_password}';
GRANT USAGE ON SCHEMA results TO results_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA results TO shared_etl;
-- Every ETL job (nightly, hourly, ad-hoc) connects as shared_etl.
