create table customers_2023 as select * from customers where created_at < '2024-01-01';
