-- expect: GG-CRED-110 4
-- V22
ALTER TABLE lab_results OWNER TO postgres;
GRANT ALL ON lab_results TO postgres;
