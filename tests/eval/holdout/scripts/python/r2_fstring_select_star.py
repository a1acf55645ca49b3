import os

import psycopg2

TABLES = ["patients", "visits"]

with psycopg2.connect(os.environ["LIMS_DSN"]) as conn, conn.cursor() as cur:
    for table in TABLES:
        cur.execute(f"SELECT * FROM {table} WHERE site = %s", ("north",))
        print(table, cur.rowcount)
