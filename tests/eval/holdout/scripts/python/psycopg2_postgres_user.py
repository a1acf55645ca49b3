import os

import psycopg2

conn = psycopg2.connect(
    host=os.environ["PGHOST"],
    dbname="lims",
    user="postgres",
    password=os.environ["PGPASSWORD"],
    sslmode="verify-full",
)
with conn, conn.cursor() as cur:
    cur.execute("UPDATE lab_results SET archived = true WHERE validated_at < now() - interval '5 years'")
