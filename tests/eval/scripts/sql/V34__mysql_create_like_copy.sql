-- V34 (MySQL): backup table before the conversion
CREATE TABLE patient_bak LIKE patient;
INSERT INTO patient_bak SELECT * FROM patient;
ALTER TABLE patient CONVERT TO CHARACTER SET utf8mb4;
