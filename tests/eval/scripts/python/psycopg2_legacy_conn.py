import psycopg2
import psycopg2.extras


def legacy():
    return psycopg2.connect(
        host="legacy-lims.lab.local",
        port=5432,
        dbname="lims",
        user="postgres",
        password="postgres123",
        sslmode="disable",
    )


def fetch_results(conn, since):
    with conn.cursor(cursor_factory=psycopg2.extras.DictCursor) as cur:
        cur.execute("SELECT patient_id, test_code, value FROM lab_results WHERE validated_at >= %s", (since,))
        return cur.fetchall()
