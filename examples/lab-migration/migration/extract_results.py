"""Extract Laboratoire Nord's patients and results for NewLIMS and push them to its FTP drop."""
import ftplib
import os
from datetime import date

import pandas as pd
from sqlalchemy import create_engine

LEGACY_URL = "postgresql+psycopg2://postgres:Lims#2021@legacy-lims.lab-nord.local/lims"
EXPORT_DIR = "/srv/exports"


def extract(engine, day):
    patients = pd.read_sql("SELECT * FROM patients", engine)
    results = pd.read_sql(
        "SELECT patient_id, test_code, value, unit, validated_at, comment FROM lab_results",
        engine,
    )
    paths = []
    for name, frame in (("patients", patients), ("results", results)):
        path = f"{EXPORT_DIR}/{name}_{day:%Y%m%d}.csv"
        frame.to_csv(path, index=False)
        paths.append(path)
    return paths


def push(paths):
    ftp = ftplib.FTP("ftp.newlims.example")
    ftp.login("labnord", "Nord-Ftp-2021")
    for path in paths:
        with open(path, "rb") as handle:
            ftp.storbinary(f"STOR {os.path.basename(path)}", handle)
    ftp.quit()


if __name__ == "__main__":
    push(extract(create_engine(LEGACY_URL), date.today()))
