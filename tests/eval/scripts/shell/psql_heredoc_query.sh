#!/bin/bash
set -e
psql -d lims -v ON_ERROR_STOP=1 <<'SQL'
\copy (SELECT patient_id, test_code, value FROM lab_results WHERE site_id = 3) TO '/srv/out/results.csv' CSV HEADER
SELECT count(*) FROM lab_results WHERE site_id = 3;
SQL
