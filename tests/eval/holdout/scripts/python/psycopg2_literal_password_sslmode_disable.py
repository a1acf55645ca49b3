import psycopg2

conn = psycopg2.connect(
    host="legacy-lims.internal",
    dbname="lims",
    user="lims_reader",
    password="R3ader!2021",
    sslmode="disable",
)
cur = conn.cursor()
cur.execute("SELECT result_id, analyte_code FROM lab_results WHERE validated")
print(cur.fetchmany(10))
