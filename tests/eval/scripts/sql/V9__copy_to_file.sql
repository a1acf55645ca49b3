-- V9: export for the new LIMS (server-side file)
COPY (SELECT patient_id, test_code, value FROM lab_results WHERE site_id = 3)
TO '/var/lib/postgresql/exports/site3_results.csv' WITH (FORMAT csv, HEADER);
