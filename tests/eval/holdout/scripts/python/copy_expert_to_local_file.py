import os

import psycopg2

conn = psycopg2.connect(os.environ["LIMS_DSN"])
with conn.cursor() as cur, open("/srv/exports/results.csv", "w") as out:
    cur.copy_expert("COPY (SELECT result_id, patient_ref, value FROM lab_results) TO STDOUT WITH CSV HEADER", out)
