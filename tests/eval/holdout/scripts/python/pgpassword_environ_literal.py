import os
import subprocess

os.environ["PGPASSWORD"] = "Vacuum#Night22"

for table in ("lab_results", "samples"):
    subprocess.run(
        ["psql", "-h", "lims-db", "-U", "lims_maint", "-d", "lims", "-c", f"VACUUM ANALYZE {table}"],
        check=True,
    )
