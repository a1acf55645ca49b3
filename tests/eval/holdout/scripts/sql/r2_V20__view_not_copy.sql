CREATE OR REPLACE VIEW reporting.active_customers AS
SELECT id, country, created_at FROM customers WHERE closed_at IS NULL;
