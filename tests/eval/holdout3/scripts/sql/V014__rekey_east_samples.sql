-- Re-key the EAST samples through a work table that is dropped at the end.
CREATE TABLE tmp_sample_rekey AS SELECT sample_id, site_code, collected_at FROM lab_samples WHERE site_code = 'EAST';

UPDATE tmp_sample_rekey SET site_code = 'EST';

INSERT INTO lab_samples_v2 (sample_id, site_code, collected_at) SELECT sample_id, site_code, collected_at FROM tmp_sample_rekey;

DROP TABLE tmp_sample_rekey;
