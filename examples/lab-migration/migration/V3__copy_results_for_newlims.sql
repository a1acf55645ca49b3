-- V3: staging tables for the NewLIMS export
CREATE ROLE lab_shared LOGIN PASSWORD 'Lims#2021';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO lab_shared;

CREATE TABLE newlims_export AS
SELECT * FROM lab_results WHERE site_code = 'NORD';

COPY newlims_export TO '/srv/exports/newlims_export.csv' WITH CSV HEADER;
