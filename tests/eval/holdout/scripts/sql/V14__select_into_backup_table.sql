-- keep a copy before the anonymisation below
SELECT id, name, email, phone INTO customers_backup_2024 FROM customers;

UPDATE customers SET phone = NULL WHERE last_order_at < now() - interval '5 years';
