from pathlib import Path

import psycopg2

REPORT = Path("/tmp/pending_results.txt")

conn = psycopg2.connect("service=lims_reader")
with conn.cursor() as cur, REPORT.open("w") as fh:
    cur.execute("SELECT result_id FROM lab_results WHERE validated_at IS NULL")
    fh.writelines(f"{rid}\n" for (rid,) in cur)
print(REPORT.read_text().count("\n"))
REPORT.unlink()
