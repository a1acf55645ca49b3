import os
import subprocess


def dump(table):
    out = f"/var/backups/{table}.sql"
    subprocess.run(
        f"mysqldump -h legacy-db -u migrator oldlims {table} > {out}",
        shell=True,
        check=True,
    )
    return out
