-- Flyway: password injected from the vault at deploy time (flyway.placeholders.bi_password)
CREATE USER bi_extract WITH LOGIN PASSWORD '${bi_password}';
GRANT CONNECT ON DATABASE crm TO bi_extract;
GRANT SELECT ON reporting.daily_orders TO bi_extract;
