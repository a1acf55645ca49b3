CREATE TEMP TABLE tmp_purge_ids AS
SELECT id FROM patients WHERE last_visit_at < now() - interval '20 years';

DELETE FROM visits WHERE patient_id IN (SELECT id FROM tmp_purge_ids);
DELETE FROM patients WHERE id IN (SELECT id FROM tmp_purge_ids);
