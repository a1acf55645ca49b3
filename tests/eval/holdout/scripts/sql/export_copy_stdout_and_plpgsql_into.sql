-- streamed to the caller, who pipes it into gpg
COPY (SELECT id, email FROM customers WHERE consent_marketing) TO STDOUT WITH (FORMAT csv);

CREATE OR REPLACE FUNCTION customer_count(p_country text) RETURNS integer AS $$
DECLARE
    n integer;
BEGIN
    SELECT count(id) INTO n FROM customers WHERE country = p_country;
    RETURN n;
END;
$$ LANGUAGE plpgsql;
