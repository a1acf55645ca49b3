COPY customers TO '/var/lib/postgresql/export/customers.csv' WITH (FORMAT csv);
