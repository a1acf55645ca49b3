import os
import tempfile

import psycopg2

workdir = tempfile.mkdtemp(prefix="lims-")
conn = psycopg2.connect(os.environ["LIMS_DSN"])
with conn.cursor() as cur, open(os.path.join(workdir, "pending.txt"), "w") as fh:
    cur.execute("SELECT result_id FROM lab_results WHERE validated_at IS NULL")
    for (rid,) in cur:
        fh.write(f"{rid}\n")
print(workdir)
