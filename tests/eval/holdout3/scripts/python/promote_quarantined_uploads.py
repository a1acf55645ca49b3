"""Move validated uploads from the quarantine bucket to the records bucket."""
import sys

import boto3

s3 = boto3.client("s3")
QUARANTINE = "acme-upload-quarantine"
RECORDS = "acme-records-store"


def promote(key: str) -> None:
    s3.copy_object(
        Bucket=RECORDS,
        Key=key,
        CopySource={"Bucket": QUARANTINE, "Key": key},
        ServerSideEncryption="aws:kms",
        SSEKMSKeyId="alias/records",
    )
    s3.delete_object(Bucket=QUARANTINE, Key=key)


if __name__ == "__main__":
    for k in sys.argv[1:]:
        promote(k)
