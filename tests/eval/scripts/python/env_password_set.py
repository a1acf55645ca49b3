import os
import subprocess

os.environ["PGPASSWORD"] = "Bkp-2022!"
os.environ["PGHOST"] = "legacy-lims"


def dump(table):
    subprocess.run(["pg_dump", "-t", table, "-f", f"/tmp/{table}.sql", "lims"], check=True)
