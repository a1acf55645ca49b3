import sys

import psycopg2

conn = psycopg2.connect("service=lims_reader")
cur = conn.cursor()
cur.execute("SELECT patient_ref, birth_year FROM patients WHERE site = %s", (sys.argv[1],))
with open("/tmp/patients_" + sys.argv[1] + ".txt", "w") as out:
    for ref, year in cur:
        out.write(f"{ref};{year}\n")
