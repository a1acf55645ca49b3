#!/usr/bin/env python3
"""Send validated results to the new LIMS import bucket."""
import os
import tempfile

import boto3
import pandas as pd
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from settings import DB_HOST, DB_NAME, DB_USER, IMPORT_BUCKET, KMS_KEY_ID

url = URL.create(
    "postgresql+psycopg2",
    username=DB_USER,
    password=os.environ["LIMS_DB_PASSWORD"],
    host=DB_HOST,
    database=DB_NAME,
    query={"sslmode": "require"},
)
engine = create_engine(url)
s3 = boto3.client("s3")

QUERY = """
    SELECT r.result_id, r.patient_ref, r.analyte_code, r.value, r.validated_at
    FROM lab_results r
    WHERE r.validated_at >= %(since)s
"""


def export(since: str) -> None:
    frame = pd.read_sql(QUERY, engine, params={"since": since})
    with tempfile.TemporaryDirectory(prefix="lims-export-") as tmp:
        path = os.path.join(tmp, f"results_{since}.csv")
        frame.to_csv(path, index=False)
        s3.upload_file(
            path,
            IMPORT_BUCKET,
            f"results/{since}.csv",
            ExtraArgs={"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": KMS_KEY_ID},
        )


if __name__ == "__main__":
    export(os.environ.get("SINCE", "2024-01-01"))
