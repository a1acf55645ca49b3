"""Extract the agreed columns, upload encrypted, keep nothing locally."""
import tempfile
from pathlib import Path

import boto3
import pandas as pd

COLUMNS = ["patient_id", "test_code", "value", "unit"]


def run(engine, bucket="new-lims-intake"):
    s3 = boto3.client("s3")
    frame = pd.read_sql_table("results", engine, columns=COLUMNS)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "results.parquet"
        frame.to_parquet(target)
        s3.upload_file(str(target), bucket, "intake/results.parquet", ExtraArgs={"ServerSideEncryption": "aws:kms"})
