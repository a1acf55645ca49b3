"""Extract the agreed fields of Laboratoire Nord for NewLIMS, encrypt them and push them over SFTP."""
import os
import subprocess
import tempfile
from datetime import date

import pandas as pd
import paramiko
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

QUERIES = {
    "patients": "SELECT patient_id, birth_year, sex FROM patients",
    "results": "SELECT patient_id, test_code, value, unit, validated_at FROM lab_results",
}


def legacy_engine():
    return create_engine(URL.create(
        "postgresql+psycopg2",
        username=os.environ["LIMS_MIGRATION_USER"],
        password=os.environ["LIMS_MIGRATION_PASSWORD"],
        host="legacy-lims.lab-nord.local",
        database="lims",
        query={"sslmode": "verify-full"},
    ))


def run(day):
    engine = legacy_engine()
    recipient = os.environ["NEWLIMS_AGE_RECIPIENT"]
    ssh = paramiko.SSHClient()
    ssh.load_system_host_keys()
    ssh.connect("sftp.newlims.example", username=os.environ["NEWLIMS_SFTP_USER"],
                key_filename=os.environ["NEWLIMS_SFTP_KEY"])
    with tempfile.TemporaryDirectory() as tmp, ssh.open_sftp() as sftp:
        for name, query in QUERIES.items():
            plain = os.path.join(tmp, f"{name}_{day:%Y%m%d}.csv")
            pd.read_sql(query, engine).to_csv(plain, index=False)
            subprocess.run(["age", "-r", recipient, "-o", plain + ".age", plain], check=True)
            os.remove(plain)
            sftp.put(plain + ".age", f"/incoming/{os.path.basename(plain)}.age")


if __name__ == "__main__":
    run(date.today())
