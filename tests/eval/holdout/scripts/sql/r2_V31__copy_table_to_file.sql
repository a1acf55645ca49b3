-- expect: GG-DEL-105 2
COPY customers TO '/var/lib/postgresql/export/customers.csv' WITH (FORMAT csv);
