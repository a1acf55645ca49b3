#!/usr/bin/env python3
"""Nightly extract of the patient register for the analytics team."""
import datetime as dt
import os

import pandas as pd
from sqlalchemy import create_engine

ENGINE = create_engine(os.environ["LIMS_DATABASE_URL"])
OUT_DIR = "/srv/analytics/incoming"


def main() -> None:
    today = dt.date.today().isoformat()
    patients = pd.read_sql_table("patients", ENGINE, schema="lims")
    patients["extracted_on"] = today
    patients.to_parquet(f"{OUT_DIR}/patients_{today}.parquet", index=False)


if __name__ == "__main__":
    main()
