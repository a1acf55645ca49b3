import os

import psycopg2


def legacy():
    # credentials come from ~/.pgpass, TLS is verified
    return psycopg2.connect(host="legacy-lims.lab.local", dbname="lims", user=os.environ.get("PGUSER", "lims_migrator"),
                            sslmode="verify-full", sslrootcert="/etc/ssl/certs/lims-ca.pem")


def count(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM lab_results")
        return cur.fetchone()[0]
