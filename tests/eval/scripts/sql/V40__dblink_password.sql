-- V40: one-off pull through dblink
INSERT INTO lab_results (patient_id, test_code, value)
SELECT * FROM dblink('host=legacy-lims dbname=lims user=lims_ro password=Dbl1nk-Ro',
                     'SELECT patient_id, test_code, value FROM lab_results')
  AS t(patient_id bigint, test_code text, value numeric);
