-- Archive closed orders with explicit columns, then delete the archived rows from the source.
INSERT INTO archive.orders_closed (order_id, customer_id, total_cents, closed_at)
SELECT order_id, customer_id, total_cents, closed_at FROM orders WHERE closed_at < '2019-01-01';

DELETE FROM orders WHERE closed_at < '2019-01-01';

ANALYZE orders;
