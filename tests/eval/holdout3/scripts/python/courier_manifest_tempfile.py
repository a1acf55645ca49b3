"""Hand the daily courier manifest to the courier's bucket via a self-deleting temp file."""
import os
import tempfile

import boto3
import pandas as pd
from sqlalchemy import create_engine


def manifest(day: str) -> None:
    engine = create_engine(os.environ["LOGISTICS_DB_URL"])
    frame = pd.read_sql("SELECT pickup_id, site_code, box_count, pickup_window FROM pickups WHERE day = %(d)s", engine, params={"d": day})
    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        frame.to_csv(handle.name, index=False)
        boto3.client("s3").upload_file(handle.name, "acme-courier-manifests", f"{day}.csv", ExtraArgs={"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/courier"})
