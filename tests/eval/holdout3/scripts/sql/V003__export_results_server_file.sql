-- Server-side CSV for the new LIMS import agent, which polls the export directory.
SET statement_timeout = '30min';

COPY lab_results (result_id, patient_id, analyte_code, result_value, validated_at) TO '/var/lib/postgresql/export/results_north.csv' WITH (FORMAT csv, HEADER true);

RESET statement_timeout;
