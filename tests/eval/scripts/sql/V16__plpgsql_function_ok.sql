-- V16: helper function; SELECT INTO a variable is not a copy
CREATE OR REPLACE FUNCTION results_count(p_site int) RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  SELECT count(*) INTO n FROM lab_results WHERE site_id = p_site;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
