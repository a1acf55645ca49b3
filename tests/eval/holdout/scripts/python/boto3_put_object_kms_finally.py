import io
import os

import boto3
import pandas as pd

s3 = boto3.client("s3")
STAGING = "/var/tmp/crm/subscribers.csv"


def publish(frame: pd.DataFrame, bucket: str, key: str) -> None:
    frame[["subscriber_id", "email", "opt_in_at"]].to_csv(STAGING, index=False)
    try:
        with open(STAGING, "rb") as fh:
            s3.put_object(
                Bucket=bucket,
                Key=key,
                Body=fh.read(),
                ServerSideEncryption="aws:kms",
                SSEKMSKeyId=os.environ["CRM_KMS_KEY"],
            )
    finally:
        os.remove(STAGING)
