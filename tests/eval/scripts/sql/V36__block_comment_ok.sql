/*
  Previously:
  CREATE TABLE dump_all AS SELECT * FROM patients;
  Replaced by the column list below.
*/
CREATE VIEW v_patients_min AS SELECT id, birth_year FROM patients;
