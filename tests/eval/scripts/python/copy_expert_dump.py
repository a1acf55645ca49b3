import psycopg2

QUERY = "COPY (SELECT patient_id, test_code, value FROM lab_results) TO STDOUT WITH CSV HEADER"


def export(conn, path):
    with conn.cursor() as cur, open(path, "w") as out:
        cur.copy_expert(QUERY, out)
