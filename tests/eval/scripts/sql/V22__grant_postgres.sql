-- V22
ALTER TABLE lab_results OWNER TO postgres;
GRANT ALL ON lab_results TO postgres;
