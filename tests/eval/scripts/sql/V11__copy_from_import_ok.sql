-- V11: import reference data
COPY test_catalog (code, label, unit) FROM '/var/lib/postgresql/import/catalog.csv' WITH (FORMAT csv, HEADER);
UPDATE test_catalog SET label = trim(label);
