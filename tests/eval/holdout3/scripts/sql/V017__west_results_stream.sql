-- Streamed export: COPY TO STDOUT is piped by the runner into gpg; no server-side file.
COPY (SELECT result_id, patient_id, analyte_code, result_value FROM lab_results WHERE site_code = 'WEST') TO STDOUT WITH (FORMAT csv, HEADER true);

-- Runner (see ops/runbooks/west-export.md):
--   psql service=lims_migration -f V017__west_results_stream.sql | gpg -e -r import@new-lims.example.com > west.csv.gpg
SELECT count(result_id) AS streamed_rows FROM lab_results WHERE site_code = 'WEST';
