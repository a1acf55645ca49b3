"""Airflow task: build the weekly turnaround report and drop it in the BI bucket."""
import os
import tempfile

import boto3
import pandas as pd
from sqlalchemy import create_engine

BUCKET = "acme-bi-dropzone"


def weekly_turnaround(ds: str, **_context) -> None:
    engine = create_engine(os.environ["REPORTING_DB_URL"])
    frame = pd.read_sql("SELECT site_code, week, median_tat_minutes FROM v_turnaround WHERE week = %(w)s", engine, params={"w": ds})
    s3 = boto3.client("s3")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"turnaround_{ds}.parquet")
        frame.to_parquet(path, index=False)
        s3.upload_file(path, BUCKET, f"turnaround/{ds}.parquet")
