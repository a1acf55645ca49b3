-- V12 (MySQL): dump patient identities for the provider
SELECT id, last_name, first_name, birth_date, nir
INTO OUTFILE '/var/lib/mysql-files/patients.csv'
FIELDS TERMINATED BY ';' ENCLOSED BY '"'
FROM patient;
