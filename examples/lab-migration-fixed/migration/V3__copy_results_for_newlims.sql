-- V3: staging table for the NewLIMS export, dropped once exported
CREATE ROLE results_export_reader NOLOGIN;
GRANT SELECT ON lab_results TO results_export_reader;
GRANT results_export_reader TO lims_migration;

CREATE TABLE newlims_export AS
SELECT patient_id, test_code, value, unit, validated_at FROM lab_results WHERE site_code = 'NORD';

COPY newlims_export TO STDOUT WITH CSV HEADER;

DROP TABLE newlims_export;
