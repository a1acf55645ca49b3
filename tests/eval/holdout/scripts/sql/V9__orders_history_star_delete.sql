INSERT INTO orders_history
SELECT * FROM orders WHERE closed_at < now() - interval '3 years';

DELETE FROM orders WHERE closed_at < now() - interval '3 years';
