-- Flyway repeatable: refresh the reporting snapshot
TRUNCATE reporting_snapshot;
INSERT INTO reporting_snapshot (site_code, tests, day)
SELECT s.code, count(*), current_date FROM lab_results r JOIN sites s ON s.id = r.site_id GROUP BY s.code;
