"""Nightly pandas ETL: legacy LIMS -> CSV drop for the new provider."""
import datetime as dt

import pandas as pd
from sqlalchemy import create_engine

ENGINE = create_engine("mysql+pymysql://etl:{}@legacy-db/oldlims".format("Etl-Pass-77"))
OUT = "/data/exports"


def run(day=None):
    day = day or dt.date.today()
    frame = pd.read_sql(
        "SELECT r.patient_id, r.test_code, r.value, r.unit FROM results r WHERE r.day = %s",
        ENGINE,
        params=(day,),
    )
    frame.to_csv(f"{OUT}/results-{day:%Y%m%d}.csv", index=False)
    return len(frame)


if __name__ == "__main__":
    run()
