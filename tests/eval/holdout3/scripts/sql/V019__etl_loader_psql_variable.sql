-- Run with: psql -v etl_password="$(vault kv get -field=password secret/etl)" -f <this file>
CREATE USER etl_loader_2024 WITH PASSWORD :'etl_password';
GRANT INSERT, UPDATE ON results.lab_results TO etl_loader_2024;
GRANT USAGE ON SCHEMA results TO etl_loader_2024;
ALTER ROLE etl_loader_2024 VALID UNTIL '2024-12-31';
