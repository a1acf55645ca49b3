-- expect: GG-DEL-101 3
-- expect: GG-MIN-105 3
create table customers_2023 as select * from customers where created_at < '2024-01-01';
