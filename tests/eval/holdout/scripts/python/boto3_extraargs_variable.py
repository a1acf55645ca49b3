import io
import os

import boto3
import pandas as pd

KMS_KEY = os.environ["EXPORT_KMS_KEY_ARN"]
EXTRA = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": KMS_KEY}
s3 = boto3.client("s3")


def publish(frame: pd.DataFrame, bucket: str, key: str) -> None:
    buf = io.BytesIO()
    frame[["order_id", "total", "country"]].to_parquet(buf)
    buf.seek(0)
    s3.upload_fileobj(buf, bucket, key, ExtraArgs=EXTRA)
