-- Flyway: reporting account for the BI extract
CREATE USER bi_extract WITH LOGIN PASSWORD 'B1extract!2024';
GRANT CONNECT ON DATABASE crm TO bi_extract;
GRANT USAGE ON SCHEMA reporting TO bi_extract;
GRANT SELECT ON reporting.daily_orders TO bi_extract;
