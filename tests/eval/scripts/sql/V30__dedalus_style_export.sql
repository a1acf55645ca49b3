-- V30: full extract for the new software provider (as requested by phone)
CREATE TABLE export_full AS
SELECT p.*, r.*, c.comment
FROM patients p
JOIN lab_results r ON r.patient_id = p.id
LEFT JOIN result_comments c ON c.result_id = r.id;

COPY export_full TO '/srv/ftp/outgoing/export_full.csv' WITH CSV HEADER;
