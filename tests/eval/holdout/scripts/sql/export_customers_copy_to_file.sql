-- run as: psql -f export_customers_copy_to_file.sql
COPY (SELECT id, email, country FROM customers WHERE consent_marketing)
TO '/var/lib/postgresql/export/customers.csv' WITH (FORMAT csv, HEADER);
