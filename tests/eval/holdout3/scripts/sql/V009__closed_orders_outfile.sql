-- MySQL: hand the closed orders to the accounting migration as a server-side file.
SELECT order_id, customer_id, total_cents, closed_at INTO OUTFILE '/var/lib/mysql-files/orders_closed.csv' FIELDS TERMINATED BY ',' ENCLOSED BY '"' LINES TERMINATED BY '\n' FROM orders WHERE status = 'closed';

-- Row count for the hand-over report.
SELECT COUNT(order_id) AS exported_orders FROM orders WHERE status = 'closed';
