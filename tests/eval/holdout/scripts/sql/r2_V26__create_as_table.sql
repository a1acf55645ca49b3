CREATE TABLE IF NOT EXISTS patients_snapshot AS TABLE patients;
