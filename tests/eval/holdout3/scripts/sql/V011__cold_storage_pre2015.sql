-- Move results older than the retention period into cold storage, then purge them.
CREATE SCHEMA IF NOT EXISTS cold;
CREATE TABLE IF NOT EXISTS cold.lab_results_pre2015 (LIKE lab_results INCLUDING ALL);

INSERT INTO cold.lab_results_pre2015 SELECT * FROM lab_results WHERE validated_at < '2015-01-01';

DELETE FROM lab_results WHERE validated_at < '2015-01-01';
