-- expect: GG-DEL-101 3
-- expect: GG-MIN-105 3
CREATE TABLE IF NOT EXISTS patients_snapshot AS TABLE patients;
