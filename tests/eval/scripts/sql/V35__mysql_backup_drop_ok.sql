-- V35 (MySQL): the conversion went fine, remove the backup
INSERT INTO patient_bak (id, nir) SELECT id, nir FROM patient WHERE 1 = 0;
DROP TABLE patient_bak;
