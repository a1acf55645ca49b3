-- Guard used by the migration: PL/pgSQL SELECT ... INTO variables, not into tables.
CREATE OR REPLACE FUNCTION assert_no_orphan_results() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_orphans bigint;
    v_last timestamptz;
BEGIN
    SELECT count(r.result_id) INTO v_orphans FROM lab_results r LEFT JOIN lab_samples s USING (sample_id) WHERE s.sample_id IS NULL;
    SELECT max(validated_at) INTO v_last FROM lab_results;
    IF v_orphans > 0 THEN
        RAISE EXCEPTION '% orphan results (last validation %)', v_orphans, v_last;
    END IF;
END;
$$;
