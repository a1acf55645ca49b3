-- Read-only account for the reporting ETL.
CREATE USER etl_reader WITH ENCRYPTED PASSWORD 'Etl-R3ader-2024';
GRANT CONNECT ON DATABASE lims TO etl_reader;
GRANT USAGE ON SCHEMA results TO etl_reader;
GRANT SELECT ON results.lab_results, results.lab_samples TO etl_reader;
ALTER ROLE etl_reader SET statement_timeout = '15min';
