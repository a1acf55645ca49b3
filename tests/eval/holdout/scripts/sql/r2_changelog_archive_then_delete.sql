--liquibase formatted sql

--changeset crm:31-archive-closed-orders
INSERT INTO orders_archive (order_id, customer_id, total, closed_at)
SELECT order_id, customer_id, total, closed_at FROM orders WHERE closed_at < '2020-01-01';
DELETE FROM orders WHERE closed_at < '2020-01-01';
--rollback DELETE FROM orders_archive WHERE closed_at < '2020-01-01';
