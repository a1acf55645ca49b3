import os

import psycopg2

DSN = "host={host} dbname=lims user={user} sslmode=verify-full sslrootcert=/etc/ssl/lims-ca.pem".format(
    host=os.environ["LIMS_HOST"], user=os.environ["LIMS_USER"]
)


def count_pending() -> int:
    with psycopg2.connect(DSN, password=os.environ["LIMS_PASSWORD"]) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM lab_results WHERE validated_at IS NULL")
            return cur.fetchone()[0]
